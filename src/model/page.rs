//! One way to ask for a page of deals, and one answer, for all three pagination styles the
//! CRMs use: page number + total (YSUITE), offset with or without total (Stardex, Attio),
//! and opaque cursor (HubSpot, Heffl).

use super::{Deal, Message};

/// A column the list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortField {
    /// By name.
    Name,
    /// By amount.
    Amount,
    /// By stage.
    Stage,
    /// By expected close date.
    CloseDate,
    /// By owner.
    Owner,
    /// By the account's own field at this index of [`super::Schema::custom`].
    Custom(u8),
}

/// Ascending or descending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortDir {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// A sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column.
    pub field: SortField,
    /// The direction.
    pub dir: SortDir,
}

/// Where a page starts, in the backend's own pagination style.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cursor {
    /// The first page, in any style.
    Start,
    /// A zero-based page index (YSUITE's `pageIndex`).
    PageIndex(u32),
    /// A zero-based item offset (Stardex, Attio).
    Offset(u64),
    /// An opaque token the backend handed out with the previous page (HubSpot, Heffl).
    Token(String),
}

/// How a backend pages, which tells the UI what it can show ("26–50 of 132" or "26–50").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PagingStyle {
    /// Page number with a total count.
    PageNumber,
    /// Item offset; `total` says whether a count comes back.
    Offset {
        /// Whether the backend reports a total.
        total: bool,
    },
    /// Opaque forward-only cursor, no total.
    Cursor,
}

/// A request for one page of deals.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListQuery {
    /// Free-text search; empty for all deals.
    pub search: String,
    /// Sort order; `None` for the backend's own.
    pub sort: Option<Sort>,
    /// How many deals a page holds.
    pub page_size: u32,
    /// Which page.
    pub cursor: Cursor,
}

/// One page of deals.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The deals on it.
    pub deals: Vec<Deal>,
    /// How many deals match in all, where the backend says.
    pub total: Option<u64>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Cursor>,
}

/// The 1-based range of items a page shows, given how many came before it.
///
/// ```
/// use dealform::model::page::shown_range;
/// assert_eq!(shown_range(25, 25), Some((26, 50)));
/// assert_eq!(shown_range(0, 0), None);
/// ```
pub fn shown_range(before: u64, on_page: usize) -> Option<(u64, u64)> {
    (on_page > 0).then(|| (before + 1, before + on_page as u64))
}

/// What the pager says of the deals it shows, deals `first` to `last` (1-based), of `total`
/// where the backend gives one: "11–20 of 23 deals", "Deals 11–20".
///
/// ```
/// use dealform::model::page::range_words;
/// assert_eq!(range_words((11, 20), Some(23)).catalog_key(), Some("pager-range-of-total"));
/// assert_eq!(range_words((11, 11), None).catalog_key(), Some("pager-one"));
/// ```
pub fn range_words(range: (u64, u64), total: Option<u64>) -> Message {
    let (first, last) = range;
    // With the noun: announced on its own as the page changes, "11–20 of 23" says nothing
    // of what is counted.
    let message = match (total, first == last) {
        (Some(t), true) => Message::key("pager-one-of-total").number("total", t as f64),
        (Some(t), false) => Message::key("pager-range-of-total").number("total", t as f64),
        (None, true) => Message::key("pager-one"),
        (None, false) => Message::key("pager-range"),
    };
    message.number("first", first as f64).number("last", last as f64)
}

/// What a backend's list can do beyond paging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capabilities {
    /// Whether it can search by text.
    pub search: bool,
    /// The columns it can sort by.
    pub sort: Vec<SortField>,
}

impl Capabilities {
    /// Search and every column.
    pub fn all() -> Self {
        Self {
            search: true,
            sort: vec![
                SortField::Name,
                SortField::Amount,
                SortField::Stage,
                SortField::CloseDate,
                SortField::Owner,
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_deal_is_one_deal_not_a_range_of_deals() {
        let n = |range, total| crate::i18n::tests::say(&range_words(range, total));
        assert_eq!(n((1, 1), Some(1)), "1 of 1 deal");
        assert_eq!(n((21, 21), Some(21)), "21 of 21 deals");
        assert_eq!(n((21, 21), None), "Deal 21");
        assert_eq!(n((1, 2), Some(2)), "1–2 of 2 deals");
    }

    #[test]
    fn an_empty_page_shows_no_range() {
        assert_eq!(shown_range(50, 0), None);
        assert_eq!(shown_range(50, 7), Some((51, 57)));
    }
}
