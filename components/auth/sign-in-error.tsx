/** A sign-in error; `backticked` parts of the message are commands, shown as code. */
export function SignInError({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200"
    >
      {message.split("`").map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-red-100 px-1 py-0.5 font-mono text-xs dark:bg-red-900/50">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </p>
  );
}
