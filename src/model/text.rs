//! Small text rules shared by validation and parsing.

/// Characters that render as nothing but are not `char::is_whitespace`, besides the direction
/// marks ([`is_direction_mark`]).
///
/// A name made only of these looks blank to a person, so it must count as blank.
const INVISIBLE: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

/// Whether `c` is one of the invisible marks that keep right-to-left text in order (U+200E,
/// U+200F, U+061C): text copied from a page carries them (`ر.س.‏`), and they are no part of
/// what it says.
pub fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Trims whitespace and invisible format characters from both ends.
///
/// ```
/// assert_eq!(dealform::model::text::trim_visible("\u{200B} Acme \u{3000}"), "Acme");
/// ```
pub fn trim_visible(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || INVISIBLE.contains(&c) || is_direction_mark(c))
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

/// What a search box's text searches for: its words with one space between them. Two spaces
/// typed by mistake ("acme  corp") would otherwise match nothing, and the page, which shows
/// runs of spaces as one, could not show why.
///
/// ```
/// assert_eq!(dealform::model::text::search_words("  acme \u{3000} corp "), "acme corp");
/// ```
pub fn search_words(s: &str) -> String {
    let mut words = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(word);
    }
    words
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

/// The base letter of each accented Latin letter from U+00C0 to U+024F (Latin-1 Supplement,
/// Latin Extended-A and -B), lower case, `.` where there is none: what Unicode's canonical
/// decomposition leaves once its marks are dropped, plus the letters it does not decompose
/// but a person types without their stroke (ø, đ, ħ, ı, ł, ŧ). Generated with Python's
/// `unicodedata`; a test checks samples.
const LATIN: &[u8; 400] = b"\
      aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y\
      aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllll.\
      .llnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz.\
      ................................oo.............uu...............\
      .............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
      aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
      ................";

/// The same for Latin Extended Additional, U+1E00 to U+1EFF (Vietnamese, Welsh, …).
const LATIN_ADDITIONAL: &[u8; 256] = b"\
      aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
      mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
      wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
      eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// A letter with an accent as its base letter (`é` → `e`, `ł` → `l`); any other character as
/// it is.
fn base_letter(c: char) -> char {
    let code = c as u32;
    let base = match code {
        0xC0..=0x24F => LATIN[(code - 0xC0) as usize],
        0x1E00..=0x1EFF => LATIN_ADDITIONAL[(code - 0x1E00) as usize],
        _ => b'.',
    };
    if base == b'.' {
        c
    } else {
        base as char
    }
}

/// [`fold_case`], then without the accents of Latin letters: what the local backend's search
/// matches and its list sorts by, so "emile" finds "Émile" and "lodz" finds "Łódź", and "Émile"
/// sorts among the e's. `ß`, `æ`, `œ` and `þ` are spelled out (`ss`, `ae`, `oe`, `th`), and
/// full-width Latin (`Ｆｕｌｌ`) is read as Latin. Greek's final sigma is its plain one, so a
/// search typed in capitals ("ΚΩΣ", lower-cased "κως") finds the word it starts ("Κωστας").
///
/// Text typed or pasted decomposed (`e` then `\u{301}`, as macOS writes file names) is composed
/// first, in the browser (Unicode's NFC): "Αθήνα" matches "Αθήνα" however either was typed.
/// Combining marks left after that, which no precomposed letter carries (the dot JavaScript's
/// lower-casing leaves on `İ`), go. Other scripts' letters keep their accents (Greek `ή`,
/// Cyrillic `й`): they are part of how those words are told apart. Host builds have no NFC and
/// skip it: their tests use composed text.
///
/// ```
/// use dealform::model::text::fold_for_search;
/// assert_eq!(fold_for_search("Émile Łódź"), "emile lodz");
/// ```
pub fn fold_for_search(s: &str) -> String {
    let lower = fold_case(s);
    if lower.is_ascii() {
        return lower;
    }
    #[cfg(target_arch = "wasm32")]
    let lower: String = js_sys::JsString::from(lower.as_str()).normalize("NFC").into();
    let mut folded = String::with_capacity(lower.len());
    for c in lower.chars().filter(|c| !('\u{300}'..='\u{36F}').contains(c)) {
        match c {
            'ς' => folded.push('σ'),
            // Letters people spell out on a keyboard without them: "strasse" finds "Straße".
            'ß' => folded.push_str("ss"),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'þ' => folded.push_str("th"),
            // Full-width letters, as a Japanese input method types them, as the ones they are.
            c => folded.push(base_letter(latin_form(c))),
        }
    }
    folded
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
    fn a_search_is_its_words_with_one_space_between() {
        assert_eq!(search_words("acme  corp"), "acme corp");
        assert_eq!(search_words("\tacme\u{00A0}\u{00A0}corp\n"), "acme corp");
        assert_eq!(search_words("   "), "");
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

    #[test]
    fn folding_for_search_drops_latin_accents_and_nothing_else() {
        assert_eq!(fold_for_search("Émile Zoë"), "emile zoe");
        assert_eq!(
            fold_for_search("Łódź, Øresund, Đà Nẵng, Ærø"),
            "lodz, oresund, da nang, aero"
        );
        assert_eq!(fold_for_search("Straße Şişli Țară Ğ"), "strasse sisli tara g");
        // Decomposed input, and İ's dot once lower-cased.
        assert_eq!(fold_for_search("Jose\u{301} I\u{307}zmir"), "jose izmir");
        // Other scripts keep their marks; letters people spell out are spelled out.
        assert_eq!(fold_for_search("ΆΘΗΝΑ Москва Йорк ß æ þ"), "άθηνα москва йорк ss ae th");
        assert_eq!(fold_for_search("Œuvre Þór Ærø Ｆｕｌｌ"), "oeuvre thor aero full");
        // A final sigma, as lower-casing writes it at the end of a word, is the plain sigma.
        assert_eq!(fold_for_search("ΚΩΣ"), fold_for_search("κωσ"));
        assert_eq!(fold_for_search("Κώστας"), "κώστασ");
        assert_eq!(fold_for_search("ACME"), "acme");
    }

    #[test]
    fn the_accent_table_agrees_with_its_letters() {
        for (c, base) in [
            ('À', 'a'),
            ('ÿ', 'y'),
            ('Ā', 'a'),
            ('ž', 'z'),
            ('ſ', 'ſ'),
            ('Ǆ', 'Ǆ'),
            ('ș', 's'),
            ('ȳ', 'y'),
            ('Ḁ', 'a'),
            ('ỹ', 'y'),
            ('ẞ', 'ẞ'),
            ('×', '×'),
            ('÷', '÷'),
        ] {
            assert_eq!(base_letter(c), base, "{c}");
        }
    }
}
