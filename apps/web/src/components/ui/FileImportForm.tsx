import { useId, type FormEvent } from 'react';

interface FileImportFormProps {
  label: string;
  help: string;
  /** The file types the picker offers, e.g. `.csv,.txt,.xlsx`. */
  accept: string;
  previewLabel: string;
  importLabel: string;
  /** Shown on the busy button while the server works; the button's own label when absent. */
  workingLabel?: string;
  /** Why the form cannot be sent (no file chosen), announced next to the picker. */
  fileError: string;
  previewPending: boolean;
  importPending: boolean;
  canImport: boolean;
  onFileChange: (file: File | null) => void;
  onPreview: (event: FormEvent) => void;
  onImport: () => void;
}

/**
 * A file picker with "preview" and "import": the two steps every import in Tillit takes (values,
 * units, Kolada pages). Import stays disabled until a preview without errors says it may.
 */
export function FileImportForm(props: FileImportFormProps) {
  const id = useId();
  const busy = (pending: boolean, label: string) => (pending && props.workingLabel ? props.workingLabel : label);
  return (
    <form className="form import-form" onSubmit={props.onPreview} noValidate>
      <div className="form__field">
        <label htmlFor={`${id}-file`}>{props.label}</label>
        <p id={`${id}-help`} className="form__hint">
          {props.help}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept={props.accept}
          aria-describedby={`${id}-help`}
          aria-invalid={props.fileError ? true : undefined}
          onChange={(e) => props.onFileChange(e.target.files?.[0] ?? null)}
        />
        {props.fileError && (
          <p className="form__error" role="alert">
            {props.fileError}
          </p>
        )}
      </div>
      <div className="import-actions">
        <button type="submit" className="button button--secondary" disabled={props.previewPending}>
          {busy(props.previewPending, props.previewLabel)}
        </button>
        <button type="button" className="button button--primary" disabled={!props.canImport} onClick={props.onImport}>
          {busy(props.importPending, props.importLabel)}
        </button>
      </div>
    </form>
  );
}
