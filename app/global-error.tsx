'use client';

/** The root layout itself failed: a standalone page with its own html and body, no stylesheet. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: 'system-ui, sans-serif',
          margin: '2rem auto',
          maxWidth: '40rem',
          padding: '0 1rem',
        }}
      >
        <main>
          <h1>Elsewhere is having trouble</h1>
          <p>The site could not be loaded. Please try again in a moment.</p>
          {error.digest ? <p>Reference: {error.digest}</p> : null}
          <p>
            <button type="button" onClick={reset}>
              Try again
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
