/** Why a share link could not be read. Every decode failure is one of these, never a raw TypeError. */
export type ShareErrorCode = 'prefix' | 'version' | 'base64' | 'too-large' | 'inflate' | 'json' | 'schema' | 'limit' | 'checksum';

export class ShareError extends Error {
  override readonly name = 'ShareError';
  constructor(
    readonly code: ShareErrorCode,
    message: string,
    /** Field path inside the payload, e.g. `inputs.nQubits` (schema and limit errors). */
    readonly path?: string,
    /** Extra machine-readable facts (positions, sizes, versions). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}
