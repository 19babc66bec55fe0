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
/// (reference/normtok.md §4.2 F3): everything except U+FF01–FF0F, U+FF1A–FF20, U+FF3B–FF40,
/// U+FF5B–FF60, U+3000, U+2025, U+2026, U+309B, U+309C and U+FFE5 is NFKC-normalized.
///
/// Returns the length of the result in UTF-16 units. When `capacity` is too small, `*status` is
/// set to ICU's U_BUFFER_OVERFLOW_ERROR (15) and the required length is returned (preflighting).
/// `*status` must be 0 on entry; a value > 0 afterwards is an ICU error (see cicu_error_name).
/// The normalizer is created once per process and is immutable, so this is thread safe.
int32_t cicu_normalize_japanese(const uint16_t *source, int32_t length,
                                uint16_t *destination, int32_t capacity, int32_t *status);

/// Returns the length of the prefix of `source` that is already normalized by
/// cicu_normalize_japanese (ICU's unorm2_spanQuickCheckYes), so callers can skip the copy for
/// text that needs no change.
int32_t cicu_normalized_prefix_length(const uint16_t *source, int32_t length, int32_t *status);

/// Display width of a code point in a fixed-width layout: 2 when its East_Asian_Width is Wide or
/// Fullwidth, else 1 (used to tell a full PDF line from the short last line of a paragraph).
int32_t cicu_display_width(int32_t codepoint);

/// ICU's name for a status code, e.g. "U_BUFFER_OVERFLOW_ERROR". Never NULL.
const char *cicu_error_name(int32_t status);

/// Writes the ICU library version ("72.1") into `buffer`, which holds at least 20 bytes.
void cicu_version(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
