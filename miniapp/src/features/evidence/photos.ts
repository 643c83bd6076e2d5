/** Evidence photos as a draft keeps them. */
export interface Photo {
  /** the local file (a WeChat temp path or an H5 blob URL) */
  path: string;
  status: 'uploading' | 'done' | 'failed';
  progress: number;
  uploadId?: string;
  error?: string;
  /** a complaint's photo the consumer shows to the 12315 centre only, never to the merchant */
  centreOnly?: boolean;
}

/** An upload cut off by closing the app did not finish: a restored draft offers a retry, not a spinner. */
export function settlePhotos<F extends { photos: Photo[] }>(form: F): F {
  return {
    ...form,
    photos: form.photos.map((p) =>
      p.status === 'uploading' ? { ...p, status: 'failed' as const, progress: 0 } : p,
    ),
  };
}

export const photosPending = (photos: Photo[]) => photos.some((p) => p.status !== 'done');
