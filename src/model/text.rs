//! Small text rules shared by validation and parsing.

/// Characters that render as nothing but are not `char::is_whitespace`.
///
/// A name made only of these looks blank to a person, so it must count as blank.
const INVISIBLE: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

/// Trims whitespace and invisible format characters from both ends.
///
/// ```
/// assert_eq!(dealform::model::text::trim_visible("\u{200B} Acme \u{3000}"), "Acme");
/// ```
pub fn trim_visible(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || INVISIBLE.contains(&c))
}

/// The zeros of the decimal digits people type in scripts other than Latin: Arabic-Indic
/// (ar), Extended Arabic-Indic (fa, ur), Devanagari (mr, ne), Bengali, Myanmar, and the
/// full-width digits of Chinese and Japanese input methods.
const DIGIT_ZEROS: &[u32] = &[0x0660, 0x06F0, 0x0966, 0x09E6, 0x1040, 0xFF10];

/// A decimal digit of another script as its Latin digit, and a full-width form (what a
/// Chinese or Japanese input method types: `１，２３４．５`, `￥`, `％`) as its ordinary
/// character; any other character as it is.
///
/// ```
/// use dealform::model::text::latin_form;
/// assert_eq!(['١', '۲', '３', '，', '￥', 'x'].map(latin_form), ['1', '2', '3', ',', '¥', 'x']);
/// ```
pub fn latin_form(c: char) -> char {
    let code = c as u32;
    match code {
        // The full-width forms of ASCII's printable characters, in ASCII's order.
        0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0xFFE5 => '¥',
        _ => DIGIT_ZEROS
            .iter()
            .find(|&&zero| (zero..zero + 10).contains(&code))
            .and_then(|zero| char::from_digit(code - zero, 10))
            .unwrap_or(c),
    }
}

/// Whether a value shows nothing to a person once trimmed.
pub fn is_blank(s: &str) -> bool {
    trim_visible(s).is_empty()
}

/// Length in characters (Unicode scalar values), the unit every CRM's "max length" counts.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Lower case for matching and ordering without regard to case ("Émile" finds "émile").
///
/// ASCII, which most names are, is folded here. Other text is folded by the JavaScript engine's
/// `toLowerCase` in the browser: Rust's `to_lowercase` brings its Unicode case tables into the
/// wasm (some 15 KB), which the browser already has. Both apply Unicode's default lower-casing,
/// final sigma included (a browser test compares them); host builds use Rust's.
pub fn fold_case(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(s).to_lower_case().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_includes_unicode_spaces_and_zero_width_characters() {
        assert!(is_blank(" \t\n\u{00A0}\u{3000}\u{200B}\u{FEFF}"));
        assert!(!is_blank(" a "));
    }

    #[test]
    fn char_len_counts_characters_not_bytes() {
        assert_eq!(char_len("Café"), 4);
        assert_eq!(char_len("日本語"), 3);
    }

    #[test]
    fn fold_case_lowers_ascii_and_the_rest() {
        assert_eq!(fold_case("ACME Corp"), "acme corp");
        assert_eq!(fold_case("ÉMILE ΟΔΟΣ"), "émile οδος");
    }
}
