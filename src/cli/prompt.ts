import readline from 'node:readline';

/** Asks for a password on the terminal without echoing it; null when stdin is not a terminal. */
export async function readPassword(question: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
  });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  output._writeToOutput = (s: string) => {
    // Show the question once, then nothing of what is typed.
    if (!asked) process.stdout.write(s);
    asked = true;
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}
