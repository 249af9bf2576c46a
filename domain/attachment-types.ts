// Which files an applicant may attach, judged by content: the name's extension must match what the bytes are.

export const allowedAttachmentTypes = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type AttachmentExtension = keyof typeof allowedAttachmentTypes;

/** The extension a file name claims, lower-cased, with jpeg read as jpg; undefined when it has none. */
export function claimedExtension(fileName: string): string | undefined {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  const extension = match?.[1]?.toLowerCase();
  return extension === 'jpeg' ? 'jpg' : extension;
}

/**
 * Compares a file's name with the type its content was detected as (undefined: not recognised).
 * Returns a Chinese message when the file is refused, or the media type to store.
 */
export function judgeAttachmentType(fileName: string, detectedExtension: string | undefined): { ok: true; mediaType: string } | { ok: false; message: string } {
  const claimed = claimedExtension(fileName);
  if (!claimed || !(claimed in allowedAttachmentTypes)) {
    return { ok: false, message: `只能上传 ${Object.keys(allowedAttachmentTypes).join('、').toUpperCase()} 文件` };
  }
  if (detectedExtension !== claimed) {
    return { ok: false, message: `文件内容与扩展名 .${claimed} 不符，请上传真实的 ${claimed.toUpperCase()} 文件` };
  }
  return { ok: true, mediaType: allowedAttachmentTypes[claimed as AttachmentExtension] };
}

/** Media types a scan of a sealed paper may have: PDF or a photo. */
const scanMediaTypes: ReadonlySet<string> = new Set([allowedAttachmentTypes.pdf, allowedAttachmentTypes.jpg, allowedAttachmentTypes.png]);

/** Whether an attachment's media type is that of a scan (PDF or image). */
export function isScanMediaType(mediaType: string): boolean {
  return scanMediaTypes.has(mediaType);
}
