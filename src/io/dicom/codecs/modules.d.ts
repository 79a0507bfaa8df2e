// Type declarations for codec packages that ship none.
declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    decode(buffer?: ArrayBuffer, offset?: number, length?: number, numBytes?: number): unknown;
  }
}
declare module '@cornerstonejs/codec-charls' {
  const factory: (arg?: object) => Promise<unknown>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg' {
  const factory: (arg?: object) => Promise<unknown>;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/wasmjs' {
  const factory: (arg?: object) => Promise<unknown>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/wasmjs' {
  const factory: (arg?: object) => Promise<unknown>;
  export default factory;
}
