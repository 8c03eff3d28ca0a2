#!/usr/bin/env python3
"""Writes the hand-made seeds of fuzz/corpus/gguf_reader (deterministic, each < 20 KB).

    python3 fuzz/make_gguf_corpus.py fuzz/corpus/gguf_reader

Valid tiny files (a Qwen-like model, a vocabulary-only file, every value type, a custom
alignment, version 2) and broken ones (bad magic, version 1, truncations, unknown types,
misaligned or out-of-bounds data, absurd counts, duplicates). Written from the GGUF
specification with struct, independently of the C++ reader and the generator.
"""
import random
import struct
import sys
from pathlib import Path

U8, I8, U16, I16, U32, I32, F32, BOOL, STR, ARR, U64, I64, F64 = range(13)
F32_T, F16_T, Q4_0, Q5_0, Q8_0, Q4_K, Q6_K, BF16 = 0, 1, 2, 6, 8, 12, 14, 30
BLOCK = {F32_T: (1, 4), F16_T: (1, 2), BF16: (1, 2), Q4_0: (32, 18), Q5_0: (32, 22),
         Q8_0: (32, 34), Q4_K: (256, 144), Q6_K: (256, 210)}


def string(text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return struct.pack("<Q", len(data)) + data


def value(kind, v):
    fmt = {U8: "<B", I8: "<b", U16: "<H", I16: "<h", U32: "<I", I32: "<i", F32: "<f",
           BOOL: "<B", U64: "<Q", I64: "<q", F64: "<d"}
    if kind == STR:
        return string(v)
    if kind == ARR:
        element_kind, elements = v
        return struct.pack("<IQ", element_kind, len(elements)) + b"".join(
            value(element_kind, e) for e in elements)
    return struct.pack(fmt[kind], v)


def gguf(metadata, tensors, alignment=32, version=3, data_fill=None):
    """metadata: [(key, kind, value)]; tensors: [(name, dims, type)] laid out in order."""
    out = b"GGUF" + struct.pack("<IQQ", version, len(tensors), len(metadata))
    for key, kind, v in metadata:
        out += string(key) + struct.pack("<I", kind) + value(kind, v)
    offset, layout = 0, []
    for name, dims, ggml_type in tensors:
        per_block, block_bytes = BLOCK[ggml_type]
        elements = 1
        for d in dims:
            elements *= d
        size = elements // per_block * block_bytes
        out += string(name) + struct.pack("<I", len(dims)) + b"".join(
            struct.pack("<Q", d) for d in dims) + struct.pack("<IQ", ggml_type, offset)
        layout.append(size)
        offset += (size + alignment - 1) // alignment * alignment
    out += b"\0" * (-len(out) % alignment)
    rng = random.Random(7)
    for i, size in enumerate(layout):
        out += bytes(rng.randrange(256) for _ in range(size)) if data_fill is None else (
            bytes([data_fill]) * size)
        if i + 1 < len(layout):
            out += b"\0" * (-len(out) % alignment)
    return out


def qwen_metadata(arch="qwen2"):
    tokens = ["!", "a", "b", "\u0120", "ab", "\u0120a", "<|endoftext|>", "<|im_start|>",
              "<|im_end|>"]
    return [
        ("general.architecture", STR, arch),
        ("general.name", STR, "fuzz seed"),
        ("general.file_type", U32, 7),
        (f"{arch}.context_length", U32, 256),
        (f"{arch}.embedding_length", U32, 32),
        (f"{arch}.block_count", U32, 1),
        (f"{arch}.feed_forward_length", U32, 64),
        (f"{arch}.attention.head_count", U32, 2),
        (f"{arch}.attention.head_count_kv", U32, 1),
        (f"{arch}.rope.freq_base", F32, 1000000.0),
        (f"{arch}.attention.layer_norm_rms_epsilon", F32, 1e-6),
        ("tokenizer.ggml.model", STR, "gpt2"),
        ("tokenizer.ggml.pre", STR, "qwen2"),
        ("tokenizer.ggml.tokens", ARR, (STR, tokens)),
        ("tokenizer.ggml.token_type", ARR, (I32, [1, 1, 1, 1, 1, 1, 3, 3, 3])),
        ("tokenizer.ggml.merges", ARR, (STR, ["a b", "\u0120 a"])),
        ("tokenizer.ggml.eos_token_id", U32, 8),
        ("tokenizer.ggml.add_bos_token", BOOL, 0),
    ]


def tiny_model():
    return gguf(qwen_metadata(), [
        ("token_embd.weight", [32, 9], Q8_0),
        ("output_norm.weight", [32], F32_T),
        ("blk.0.attn_q.weight", [32, 32], Q4_0),
        ("blk.0.attn_k.weight", [32, 16], Q5_0),
        ("blk.0.attn_q.bias", [32], F32_T),
        ("blk.0.ffn_down.weight", [256, 2], Q4_K),
        ("blk.0.ffn_up.weight", [256, 1], Q6_K),
        ("blk.0.ffn_gate.weight", [8, 4], F16_T),
        ("blk.0.attn_output.weight", [8, 2], BF16),
    ])


def every_value_type():
    return gguf([
        ("u8", U8, 200), ("i8", I8, -5), ("u16", U16, 60000), ("i16", I16, -30000),
        ("u32", U32, 4000000000), ("i32", I32, -2000000000), ("f32", F32, 1.5),
        ("bool", BOOL, 1), ("str", STR, "h\u00e9llo \u4f60\u597d"), ("u64", U64, 2**63 + 5),
        ("i64", I64, -2**62), ("f64", F64, 3.25),
        ("arr", ARR, (ARR, [(I32, [1, 2]), (I32, [3])])),
        ("empty", ARR, (F64, [])),
    ], [])


def patched(data, at, raw):
    return data[:at] + raw + data[at + len(raw):]


def seeds():
    model = tiny_model()
    header_end = model.index(b"token_embd.weight") - 8  # where the tensor infos begin
    first_type_at = model.index(b"token_embd.weight") + len("token_embd.weight") + 4 + 16
    yield "valid_tiny_model.gguf", model
    yield "valid_vocab_only.gguf", gguf(qwen_metadata("qwen3"), [])
    yield "valid_every_value_type.gguf", every_value_type()
    yield "valid_alignment_64.gguf", gguf(
        [("general.alignment", U32, 64)] + qwen_metadata()[:3],
        [("a", [32, 2], Q8_0), ("b", [4], F32_T)], alignment=64)
    yield "valid_version_2.gguf", gguf(qwen_metadata()[:4], [("w", [32], Q8_0)], version=2)
    yield "bad_magic.gguf", b"GGML" + model[4:200]
    yield "bad_version_1.gguf", patched(model[:400], 4, struct.pack("<I", 1))
    yield "truncated_metadata.gguf", model[:header_end - 37]
    yield "truncated_data.gguf", model[:-5]
    yield "unknown_tensor_type.gguf", patched(model, first_type_at, struct.pack("<I", 4))
    yield "misaligned_offset.gguf", gguf([], [("w", [4], F32_T), ("v", [4], F32_T)],
                                         alignment=16)[:] .replace(
        struct.pack("<IQ", F32_T, 16), struct.pack("<IQ", F32_T, 8), 1)
    yield "absurd_tensor_count.gguf", patched(model[:300], 8, struct.pack("<Q", 2**40))
    yield "duplicate_key.gguf", gguf([("k", U8, 1), ("k", U8, 2)], [])
    yield "row_not_block_multiple.gguf", gguf([], [("w", [32, 2], Q8_0)]).replace(
        struct.pack("<QQ", 32, 2), struct.pack("<QQ", 33, 2), 1)


def main():
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus/gguf_reader")
    target.mkdir(parents=True, exist_ok=True)
    for name, data in seeds():
        assert len(data) < 20_000, name
        (target / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
