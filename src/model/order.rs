//! Ordering the short lists of the domain (a form's fields, its errors, a CRM's stages).

/// Sorts a short list by key, keeping items with equal keys in their order (stable).
///
/// An insertion sort: these lists hold tens of items, and every call of the standard
/// library's sort is its own copy of a general-purpose algorithm, about 3 KB of wasm each.
///
/// ```
/// use dealform::model::order::sort_short_by_key;
/// let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// sort_short_by_key(&mut v, |p| p.0);
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_short_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        // Every list of up to 7 items drawn from 3 keys, tagged with their position.
        for len in 0..=7u32 {
            for code in 0..3u32.pow(len) {
                let items: Vec<(u32, u32)> = (0..len).map(|i| ((code / 3u32.pow(i)) % 3, i)).collect();
                let mut ours = items.clone();
                let mut std = items.clone();
                sort_short_by_key(&mut ours, |p| p.0);
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "{items:?}");
            }
        }
    }
}
