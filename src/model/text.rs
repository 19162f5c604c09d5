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

/// Whether a value shows nothing to a person once trimmed.
pub fn is_blank(s: &str) -> bool {
    trim_visible(s).is_empty()
}

/// Length in characters (Unicode scalar values), the unit every CRM's "max length" counts.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
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
}
