#!/usr/bin/env python3
"""
Build test/dicom/reference/dcmtk-reference.json: pixel facts of every DICOM sample decoded by
tools independent of sonomics. Run by hand (NOT at test time) on a machine with
`apt-get install dcmtk libgdcm-tools` and numpy:

    python3 test/dicom/reference/make-reference.py ../shared/data/dicom-us-samples > test/dicom/reference/dcmtk-reference.json

Decoders: DCMTK 3.6.7 (dcmdjpeg for JPEG baseline and lossless, dcmdrle for RLE, dcmconv for
native big/little endian), GDCM 3.0.21 gdcmconv --raw for JPEG 2000. Pixel data is dumped
with `dcmdump +W` and read as raw bytes with numpy. Palette images are also rendered to 8-bit
RGB with `dcm2pnm`. For each frame we record: FNV-1a 32 of the sample bytes (interleaved,
little-endian), the mean sample value, and the values at 97 fixed positions.
"""
import glob, json, os, re, subprocess, sys, tempfile
import numpy as np

root = sys.argv[1]
DCMDJPEG = {'1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70'}

def fnv1a32(b: bytes) -> int:
    h = 0x811C9DC5
    for x in b:
        h ^= x
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h

def dump(path):
    out = subprocess.run(['dcmdump', path], capture_output=True, text=True, check=True).stdout
    def get(tag, default=None):
        m = re.search(r'^\(' + tag + r'\) \w\w (?:\[([^\]]*)\]|(\S+))', out, re.M)
        return (m.group(1) if m.group(1) is not None else m.group(2)) if m else default
    return get

def positions(n, k=97):
    # fixed, spread-out sample positions (same formula in the test)
    return [(i * 7919 + 13) % n for i in range(k)]

result = {}
for f in sorted(glob.glob(os.path.join(root, '*', '*.dcm'))):
    rel = os.path.relpath(f, root)
    get = dump(f)
    ts = get('0002,0010').lstrip('=')
    with tempfile.TemporaryDirectory() as tmp:
        native = os.path.join(tmp, 'n.dcm')
        uidm = re.search(r'\[([\d.]+)\]', subprocess.run(['dcmdump', '-Un', '+P', '0002,0010', f], capture_output=True, text=True).stdout)
        tsuid = uidm.group(1) if uidm else ''
        if tsuid in DCMDJPEG:
            subprocess.run(['dcmdjpeg', f, native], check=True); tool = 'dcmdjpeg'
        elif tsuid == '1.2.840.10008.1.2.5':
            subprocess.run(['dcmdrle', f, native], check=True); tool = 'dcmdrle'
        elif tsuid.startswith('1.2.840.10008.1.2.4.9'):
            subprocess.run(['gdcmconv', '--raw', f, native], check=True); tool = 'gdcmconv --raw'
        else:
            subprocess.run(['dcmconv', '+te', f, native], check=True); tool = 'dcmconv +te'
        g = dump(native)
        rows, cols = int(g('0028,0010')), int(g('0028,0011'))
        spp, bits = int(g('0028,0002')), int(g('0028,0100'))
        planar = int(g('0028,0006', '0') or 0)
        frames = int(g('0028,0008', '1') or 1)
        photometric = g('0028,0004')
        wdir = os.path.join(tmp, 'w'); os.mkdir(wdir)
        subprocess.run(['dcmdump', '+W', wdir, native], capture_output=True, check=True)
        raw = open(glob.glob(os.path.join(wdir, '*.raw'))[0], 'rb').read()
        dtype = np.uint8 if bits == 8 else np.dtype('<u2')
        arr = np.frombuffer(raw, dtype=dtype)[: frames * rows * cols * spp].reshape(frames, -1)
        per = []
        for fr in range(frames):
            a = arr[fr]
            if spp > 1 and planar == 1:
                a = a.reshape(spp, -1).T.reshape(-1)
            a = np.ascontiguousarray(a)
            per.append({'fnv1a32': fnv1a32(a.astype('<u2' if bits == 16 else np.uint8).tobytes()),
                        'mean': float(a.mean()), 'at': positions(a.size), 'values': a[positions(a.size)].tolist()})
        entry = {'tool': tool, 'photometric': photometric, 'rows': rows, 'cols': cols, 'spp': spp, 'bits': bits, 'frames': frames, 'samples': per}
        if get('0028,0004') == 'PALETTE COLOR':
            # Palette → RGB by GDCM (DCMTK cannot expand segmented tables); frame 0.
            rgbfile = os.path.join(tmp, 'rgb.dcm')
            subprocess.run(['gdcmconv', '--raw', '--apply-lut', native, rgbfile], check=True)
            g2 = dump(rgbfile)
            rbits = int(g2('0028,0100')); rplanar = int(g2('0028,0006', '0') or 0)
            w2 = os.path.join(tmp, 'w2'); os.mkdir(w2)
            subprocess.run(['dcmdump', '+W', w2, rgbfile], capture_output=True, check=True)
            rraw = open(glob.glob(os.path.join(w2, '*.raw'))[0], 'rb').read()
            rgb = np.frombuffer(rraw, dtype=np.uint8 if rbits == 8 else np.dtype('<u2'))[: rows * cols * 3]
            if rplanar == 1:
                rgb = rgb.reshape(3, -1).T.reshape(-1)
            rgb = np.ascontiguousarray(rgb)
            entry['paletteRgb'] = {'tool': 'gdcmconv --apply-lut', 'bits': rbits, 'mean': float(rgb.mean()), 'at': positions(rgb.size), 'values': rgb[positions(rgb.size)].tolist()}
        result[rel] = entry
        print(rel, tool, file=sys.stderr)
json.dump(result, sys.stdout, indent=1)
