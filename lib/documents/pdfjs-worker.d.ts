// pdfjs-dist ships no declaration for its worker bundle; we only hand the module to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
