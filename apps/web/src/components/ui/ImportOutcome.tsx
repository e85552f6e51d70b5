import { ErrorMessage } from './ErrorMessage';

interface ImportOutcomeProps {
  /** What the finished import says ("42 rader importerade"); empty while there is none. */
  done: string;
  /** The import's error, if it failed. */
  importError: unknown;
  /** Whether that error is the server refusing the file (422, with its preview shown below). */
  refused: boolean;
  refusedText: string;
  /** The preview's error, if it failed. */
  previewError: unknown;
}

/** What an import said: done (announced), refused because of the file's errors, or failed. */
export function ImportOutcome({ done, importError, refused, refusedText, previewError }: ImportOutcomeProps) {
  return (
    <>
      <p role="status" className="import-status">
        {done}
      </p>
      {importError != null &&
        (refused ? (
          <div className="notice notice--error import-refused" role="alert">
            <p>{refusedText}</p>
          </div>
        ) : (
          <ErrorMessage error={importError} />
        ))}
      {previewError != null && <ErrorMessage error={previewError} />}
    </>
  );
}
