import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';

/** What a preview's schema offers: the domain's zod schema of it, used to read a refusal. */
interface PreviewSchema<P> {
  safeParse(value: unknown): { success: true; data: P } | { success: false };
}

/** The preview carried by a refused import (422, a row went bad since the preview), or null for any other error. */
export function refusedPreview<P>(error: unknown, schema: PreviewSchema<P>): P | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const parsed = schema.safeParse(error.body);
  return parsed.success ? parsed.data : null;
}

interface FileImportOptions<U, P extends { errors: readonly unknown[] }, R> {
  /** The dry run (`?dryRun=true`) and the import itself, each given what `upload` makes of the file. */
  preview: UseMutationResult<P, Error, U>;
  run: UseMutationResult<R, Error, U>;
  /** The domain's schema of the preview, to show what a refused import found. */
  schema: PreviewSchema<P>;
  /** Said next to the picker when "preview" is pressed without a file. */
  chooseFile: string;
  /** The upload for a preview and for the import (the values import adds columns and options). */
  upload: (file: File) => U;
  /** The first preview of a file, when it differs from `upload` (the values import forgets an earlier mapping). */
  firstPreview?: (file: File) => U;
  /** Also forget this when another file is chosen. */
  onFileChange?: () => void;
}

/**
 * The state every file import in Tillit shares (values, units, Kolada pages): the chosen file,
 * "choose a file first", the preview, the import, a refusal's own preview (422), and whether
 * importing is allowed (a preview without errors, not yet imported). Gives the props of
 * `FileImportForm` and what to draw below it.
 */
export function useFileImport<U, P extends { errors: readonly unknown[] }, R>(options: FileImportOptions<U, P, R>) {
  const { preview, run, schema, chooseFile, upload } = options;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const refused = run.isError ? refusedPreview(run.error, schema) : null;
  const canImport = file !== null && preview.isSuccess && preview.data.errors.length === 0 && !run.isPending && !run.isSuccess;

  /** A new preview of the chosen file (after another mapping or sheet), with what `make` uploads. */
  function previewAgain(make: (file: File) => U) {
    if (!file) return;
    run.reset();
    preview.mutate(make(file));
  }

  return {
    file,
    refused,
    /** The preview to show: the refusal's when the import was refused, else the dry run's. */
    shown: refused ?? (preview.isSuccess ? preview.data : null),
    isWorking: preview.isPending || run.isPending,
    previewAgain,
    form: {
      fileError,
      previewPending: preview.isPending,
      importPending: run.isPending,
      canImport,
      onFileChange(chosen: File | null) {
        setFile(chosen);
        setFileError('');
        options.onFileChange?.();
        preview.reset();
        run.reset();
      },
      onPreview(event: FormEvent) {
        event.preventDefault();
        run.reset();
        if (!file) {
          setFileError(chooseFile);
          return;
        }
        setFileError('');
        preview.mutate((options.firstPreview ?? upload)(file));
      },
      onImport() {
        if (file) run.mutate(upload(file));
      },
    },
  };
}
