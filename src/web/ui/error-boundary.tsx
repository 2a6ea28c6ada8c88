/**
 * What a page shows when rendering it throws: a plain message, "Try again", and the error's own
 * words folded away for a bug report. The router uses `RouteError` for every route
 * (`defaultErrorComponent`); `ErrorBoundary` guards a region the router does not own (the
 * shell's outlet), so a broken page never blanks the navigation around it.
 */
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../api.ts';
import { Button } from './button.tsx';

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-lg bg-white px-6 py-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">This page ran into a problem</h1>
      <p className="mt-1 text-sm text-slate-600">
        Nothing you saved is lost. Try again; if it keeps happening, reload the page.
      </p>
      <details className="mt-3 text-sm text-slate-600">
        <summary className="cursor-pointer">Details</summary>
        <p className="mt-1 font-mono text-xs break-words">{errorMessage(error)}</p>
      </details>
      <Button className="mt-4" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}

/** The router's error component: retrying resets the failed queries and reloads the route. */
export function RouteError({ error, reset }: { error: unknown; reset: () => void }) {
  const queries = useQueryErrorResetBoundary();
  return (
    <ErrorPanel
      error={error}
      onRetry={() => {
        queries.reset();
        reset();
      }}
    />
  );
}

interface BoundaryState {
  error: unknown;
}

/** A React error boundary (a class: React offers no hook for catching render errors). */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: unknown },
  BoundaryState
> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: unknown }) {
    // Moving to another page clears the error: the next page deserves its own chance.
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error !== null)
      return <ErrorPanel error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
