/**
 * TEST HELPER: a minimal Prometheus remote-write 1.0 sender, written from the wire format alone
 * (prompb/types.proto and remote.proto field numbers, snappy block format), so a test can put
 * counters and native histograms into a real Prometheus the way k6's remote-write output does.
 * It encodes what the tests need and no more: float samples, integer native histograms with
 * positive buckets. Snappy is emitted as literal-only blocks, which every decoder accepts.
 */

class Writer {
  private readonly bytes: number[] = [];

  varint(value: number | bigint): this {
    let v = BigInt(value);
    if (v < 0n) v = BigInt.asUintN(64, v);
    while (v >= 0x80n) {
      this.bytes.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.bytes.push(Number(v));
    return this;
  }
  private tag(field: number, wireType: number): this {
    return this.varint((field << 3) | wireType);
  }
  uint(field: number, value: number | bigint): this {
    return this.tag(field, 0).varint(value);
  }
  sint(field: number, value: number): this {
    const v = BigInt(value);
    return this.tag(field, 0).varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
  }
  double(field: number, value: number): this {
    const buffer = Buffer.alloc(8);
    buffer.writeDoubleLE(value);
    this.tag(field, 1);
    this.bytes.push(...buffer);
    return this;
  }
  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, 2).varint(value.length);
    this.bytes.push(...value);
    return this;
  }
  string(field: number, value: string): this {
    return this.bytesField(field, Buffer.from(value, 'utf8'));
  }
  message(field: number, build: (w: Writer) => void): this {
    const inner = new Writer();
    build(inner);
    return this.bytesField(field, inner.done());
  }
  packedSint(field: number, values: number[]): this {
    const inner = new Writer();
    for (const value of values) {
      const v = BigInt(value);
      inner.varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
    }
    return this.bytesField(field, inner.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** Snappy block format with literal elements only. */
export function snappyLiteral(input: Uint8Array): Uint8Array {
  const out = new Writer();
  out.varint(input.length);
  const parts: number[] = [...out.done()];
  const CHUNK = 65536;
  for (let offset = 0; offset < input.length; offset += CHUNK) {
    const chunk = input.subarray(offset, offset + CHUNK);
    const n = chunk.length - 1;
    if (n < 60) parts.push(n << 2);
    else if (n < 0x100) parts.push(60 << 2, n);
    else if (n < 0x10000) parts.push(61 << 2, n & 0xff, n >> 8);
    else parts.push(62 << 2, n & 0xff, (n >> 8) & 0xff, n >> 16);
    parts.push(...chunk);
  }
  return Uint8Array.from(parts);
}

/** A native histogram sample: schema-0 style integer buckets given as {index → count}. */
export interface NativeHistogramSample {
  timestamp: number;
  schema: number;
  count: number;
  sum: number;
  /** Cumulative counts per bucket index (bucket i of schema s covers (2^((i-1)/2^s), 2^(i/2^s)]). */
  buckets: Map<number, number>;
}

export interface SeriesToWrite {
  labels: Record<string, string>;
  samples?: { timestamp: number; value: number }[];
  histograms?: NativeHistogramSample[];
}

function encodeHistogram(w: Writer, h: NativeHistogramSample): void {
  w.uint(1, h.count)
    .double(3, h.sum)
    .sint(4, h.schema)
    .double(5, 2 ** -128)
    .uint(6, 0);
  const indexes = [...h.buckets.keys()].sort((a, b) => a - b);
  // One span per run of consecutive indexes; deltas against the previous bucket's count.
  let previousIndex: number | null = null;
  let spanStart = 0;
  let spanLength = 0;
  const spans: { offset: number; length: number }[] = [];
  let lastEnd = 0;
  for (const index of indexes) {
    if (previousIndex !== null && index === previousIndex + 1) spanLength += 1;
    else {
      if (spanLength > 0) spans.push({ offset: spanStart, length: spanLength });
      spanStart = previousIndex === null ? index : index - lastEnd;
      spanLength = 1;
    }
    previousIndex = index;
    lastEnd = index + 1;
  }
  if (spanLength > 0) spans.push({ offset: spanStart, length: spanLength });
  for (const span of spans) w.message(11, (s) => s.sint(1, span.offset).uint(2, span.length));
  let previous = 0;
  const deltas = indexes.map((index) => {
    const count = h.buckets.get(index) ?? 0;
    const delta = count - previous;
    previous = count;
    return delta;
  });
  w.packedSint(12, deltas);
  w.uint(15, h.timestamp);
}

export function encodeWriteRequest(series: SeriesToWrite[]): Uint8Array {
  const w = new Writer();
  for (const s of series) {
    w.message(1, (ts) => {
      const labels = Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [name, value] of labels) ts.message(1, (l) => l.string(1, name).string(2, value));
      for (const sample of s.samples ?? [])
        ts.message(2, (x) => x.double(1, sample.value).uint(2, sample.timestamp));
      for (const histogram of s.histograms ?? []) ts.message(4, (x) => encodeHistogram(x, histogram));
    });
  }
  return w.done();
}

/** POST one WriteRequest to `<baseUrl>/api/v1/write`; throws with Prometheus's message on refusal. */
export async function remoteWrite(baseUrl: string, series: SeriesToWrite[]): Promise<void> {
  const response = await fetch(new URL('/api/v1/write', baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-protobuf',
      'content-encoding': 'snappy',
      'x-prometheus-remote-write-version': '0.1.0',
    },
    body: snappyLiteral(encodeWriteRequest(series)),
  });
  if (!response.ok) throw new Error(`remote write refused: HTTP ${response.status} ${await response.text()}`);
}
