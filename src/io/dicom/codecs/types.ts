/** What every pixel codec returns: samples interleaved pixel by pixel (R G B R G B ... for colour). */
export type SampleArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array;

export interface DecodedFrame {
  samples: SampleArray;
  width: number;
  height: number;
  samplesPerPixel: number;
  /** Photometric interpretation of `samples` (a codec may have converted YBR to RGB). */
  photometric: string;
}

/** What the codecs need to know about the frame (from the data set). */
export interface FrameInfo {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  signed: boolean;
  planarConfiguration: number;
  photometric: string;
  /** For error messages. */
  name: string;
}
