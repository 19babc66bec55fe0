// cicu.h: the plain-C face of the system ICU, for Swift.
//
// Why a C target and not a module map over <unicode/*.h>: Debian's ICU renames every function
// with a version suffix (unorm2_normalize → unorm2_normalize_72) through macros Swift cannot
// import, and Foundation on Linux carries its own ICU whose headers clash with the system's when
// both are visible to one Swift module. This header therefore uses only C types; the ICU headers
// are included in cicu.c alone, so any Swift module can import Foundation and CICU together.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Normalizes UTF-16 text with NFKC filtered to keep Japanese punctuation full-width
/// (docs/TEXT.md §5.3): everything except U+FF01–FF0F, U+FF1A–FF20, U+FF3B–FF40,
/// U+FF5B–FF60, U+3000, U+2025, U+2026, U+309B, U+309C and U+FFE5 is NFKC-normalized.
///
/// Returns the length of the result in UTF-16 units. When `capacity` is too small, `*status` is
/// set to ICU's U_BUFFER_OVERFLOW_ERROR (15) and the required length is returned (preflighting).
/// `*status` must be 0 on entry; a value > 0 afterwards is an ICU error (see cicu_error_name).
/// The normalizer is created once per process and is immutable, so this is thread safe.
int32_t cicu_normalize_japanese(const uint16_t *source, int32_t length,
                                uint16_t *destination, int32_t capacity, int32_t *status);

/// Normalizes like cicu_normalize_japanese, chunk by chunk (a chunk starts at a character that
/// has a normalization boundary before it, so the result is the same), and writes for every
/// output unit the source range [chunk_starts[i], chunk_ends[i]) of the chunk it came from, so
/// that callers can trace the output back to the input. All three output arrays hold `capacity`
/// units; size them with cicu_normalize_japanese's preflight.
int32_t cicu_normalize_japanese_traced(const uint16_t *source, int32_t length, uint16_t *destination,
                                       int32_t *chunk_starts, int32_t *chunk_ends, int32_t capacity,
                                       int32_t *status);

/// NFKC_Casefold (ICU's unorm2_getNFKCCasefoldInstance): the fold used for term and theme keys.
/// Same buffer protocol as cicu_normalize_japanese.
int32_t cicu_casefold(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity,
                      int32_t *status);

/// Returns the length of the prefix of `source` that is already normalized by
/// cicu_normalize_japanese (ICU's unorm2_spanQuickCheckYes), so callers can skip the copy for
/// text that needs no change.
int32_t cicu_normalized_prefix_length(const uint16_t *source, int32_t length, int32_t *status);

/// Marks in `table` (1024 words, zeroed by the caller: bit `c & 63` of word `c >> 6`) every BMP
/// code point `c` that cicu_normalize_japanese leaves alone wherever it stands, unless what
/// follows it combines with it: `c` has a normalization boundary before it and is normalized on
/// its own (cicu_is_stable_starter). Text made of these alone is normalized, and a text cut just
/// before one of them normalizes piece by piece as a whole. Made from ICU's property sets
/// (NFKC_Quick_Check=Yes with combining class 0, and the characters the filter keeps), which the
/// tests check against cicu_is_stable_starter for every BMP code point.
void cicu_stable_starters(uint64_t *table, int32_t *status);

/// `1` if `codepoint` has a boundary before it under cicu_normalize_japanese's normalizer and is
/// normalized on its own (unorm2_hasBoundaryBefore and unorm2_quickCheck), else `0`: the
/// definition of a stable starter, asked of ICU one code point at a time.
int32_t cicu_is_stable_starter(int32_t codepoint, int32_t *status);

/// Display width of a code point in a fixed-width layout: 2 when its East_Asian_Width is Wide or
/// Fullwidth, else 1 (used to tell a full PDF line from the short last line of a paragraph).
int32_t cicu_display_width(int32_t codepoint);

/// Converts `length` bytes in the ICU charset `charset` (any name or alias ICU knows, e.g.
/// "windows-31j", "EUC-JP", "UTF-16LE") to UTF-16, stopping at the first byte sequence that is
/// invalid or has no Unicode mapping: nothing is ever replaced with U+FFFD.
///
/// Returns the number of UTF-16 units written. A `capacity` of `length` + 1 units is enough for
/// the charsets kotoba reads (Shift_JIS, EUC-JP, UTF-16), where every UTF-16 unit comes from at
/// least one byte; when it is not, `*status` is U_BUFFER_OVERFLOW_ERROR (15). On a stop, `*status` is an ICU error (U_ILLEGAL_CHAR_FOUND,
/// U_INVALID_CHAR_FOUND or U_TRUNCATED_CHAR_FOUND) and `*error_offset` the byte offset of the
/// offending sequence. An unknown charset gives U_FILE_ACCESS_ERROR (4) with `*error_offset` -1.
int32_t cicu_decode(const char *charset, const uint8_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *error_offset, int32_t *status);

/// Converts UTF-16 text to bytes in `charset`. With `substitute` 0 it stops at the first character
/// the charset cannot hold (*status > 0, *error_offset its UTF-16 offset); with 1 such characters
/// become `?`. Returns the bytes written; `capacity` of 4 ×
/// `length` + 4 is always enough for the Japanese charsets.
int32_t cicu_encode(const char *charset, const uint16_t *source, int32_t length, uint8_t *destination,
                    int32_t capacity, int32_t substitute, int32_t *error_offset, int32_t *status);

/// `1` if ICU has a converter for `charset`, else `0`.
int32_t cicu_charset_exists(const char *charset);

/// Writes ICU's canonical name for `charset` (e.g. "ibm-943_P15A-2003" for "Shift_JIS") into
/// `buffer` of `capacity` bytes; returns 0 when the charset is unknown.
int32_t cicu_charset_canonical_name(const char *charset, char *buffer, int32_t capacity);

/// Runs ICU's charset detector on `source` and writes its best guess's name into `name`
/// (`capacity` bytes) and returns its confidence (0–100), or -1 when nothing was detected.
/// The detector is unreliable on short input; callers decide how far to trust it.
int32_t cicu_detect_charset(const uint8_t *source, int32_t length, char *name, int32_t capacity,
                            int32_t *status);

/// ICU's name for a status code, e.g. "U_BUFFER_OVERFLOW_ERROR". Never NULL.
const char *cicu_error_name(int32_t status);

/// Writes the ICU library version ("72.1") into `buffer`, which holds at least 20 bytes.
void cicu_version(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
