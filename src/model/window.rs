//! The long, scrolling deal list: which rows are on screen, which pages of deals they need,
//! and what is known about each row.
//!
//! A sales team's ten thousand deals cannot all be in the page at once (the browser would
//! spend seconds laying them out), nor all be fetched before the first shows. The list keeps
//! only the rows in view mounted and fetches pages as the view needs them: any page at once
//! where the backend pages by number or offset, in order where it hands out opaque cursors.

use super::{Cursor, Deal, Page, PagingStyle};
use std::collections::BTreeMap;

/// The rows to mount for a scroll position: those in view plus `overscan` either side, so a
/// small scroll shows rows that are already there.
///
/// `row_px` must be positive. Returns a half-open range of row indices.
///
/// ```
/// use dealform::model::window::visible_rows;
/// // 40 px rows, a 400 px viewport scrolled to row 100 (11 rows can show: 10 and the one
/// // half in view below), 10 extra rows either side.
/// assert_eq!(visible_rows(4000.0, 400.0, 40.0, 10, 10_000), 90..121);
/// assert_eq!(visible_rows(0.0, 400.0, 40.0, 10, 5), 0..5);
/// ```
pub fn visible_rows(scroll_top: f64, viewport_px: f64, row_px: f64, overscan: u64, rows: u64) -> std::ops::Range<u64> {
    let first_seen = (scroll_top.max(0.0) / row_px).floor() as u64;
    let seen = (viewport_px.max(0.0) / row_px).ceil() as u64 + 1;
    let start = first_seen.saturating_sub(overscan).min(rows);
    let end = first_seen.saturating_add(seen).saturating_add(overscan).min(rows);
    start..end
}

/// Where the page holding row `offset` starts, for backends that can jump to any page.
///
/// `None` for cursor paging, whose pages can only be reached in order.
///
/// ```
/// use dealform::model::{window::cursor_at, Cursor, PagingStyle};
/// assert_eq!(cursor_at(PagingStyle::PageNumber, 300, 100), Some(Cursor::PageIndex(3)));
/// assert_eq!(cursor_at(PagingStyle::Offset { total: true }, 300, 100), Some(Cursor::Offset(300)));
/// assert_eq!(cursor_at(PagingStyle::Cursor, 300, 100), None);
/// ```
pub fn cursor_at(style: PagingStyle, offset: u64, page_size: u32) -> Option<Cursor> {
    match (style, offset) {
        (_, 0) => Some(Cursor::Start),
        (PagingStyle::PageNumber, o) => u32::try_from(o / u64::from(page_size.max(1)))
            .ok()
            .map(Cursor::PageIndex),
        (PagingStyle::Offset { .. }, o) => Some(Cursor::Offset(o)),
        (PagingStyle::Cursor, _) => None,
    }
}

/// What the list knows about one row.
#[derive(Clone, Debug, PartialEq)]
pub enum Row<'a> {
    /// Its deal has arrived.
    Deal(&'a Deal),
    /// Its page is on the way (or will be asked for once the pages before it are in).
    Loading,
    /// Its page could not be fetched.
    Failed,
}

#[derive(Clone, Debug)]
enum Block {
    Loading,
    Failed(String),
    Loaded { deals: Vec<Deal>, next: Option<Cursor> },
}

/// The pages fetched so far for one search and sort, by the row each starts at.
#[derive(Clone, Debug)]
pub struct RowCache {
    style: PagingStyle,
    page_size: u32,
    total: Option<u64>,
    blocks: BTreeMap<u64, Block>,
}

impl RowCache {
    /// A cache holding the first page, which the list has already fetched to show its
    /// loading, empty and error states the same way in both list views.
    pub fn new(style: PagingStyle, page_size: u32, first: Page) -> Self {
        let mut cache = Self {
            style,
            page_size: page_size.max(1),
            total: None,
            blocks: BTreeMap::new(),
        };
        cache.store(0, first);
        cache
    }

    /// Whether pages can be fetched out of order.
    fn random_access(&self) -> bool {
        self.style != PagingStyle::Cursor
    }

    /// Rows known so far: the total where the backend reports one; otherwise the rows
    /// loaded, plus one "loading" row while more are to come.
    pub fn rows(&self) -> u64 {
        if let Some(total) = self.total {
            return total;
        }
        let (end, more) = self.loaded_end();
        end + u64::from(more)
    }

    /// The row after the last contiguously loaded one, and whether the backend has more.
    fn loaded_end(&self) -> (u64, bool) {
        let mut end = 0;
        let mut more = true;
        while let Some(Block::Loaded { deals, next }) = self.blocks.get(&end) {
            more = next.is_some();
            if deals.is_empty() || !more {
                end += deals.len() as u64;
                break;
            }
            end += deals.len() as u64;
        }
        (end, more)
    }

    /// The block holding row `i`, with the row it starts at.
    fn block_of(&self, i: u64) -> Option<(u64, &Block)> {
        let (&start, block) = self.blocks.range(..=i).next_back()?;
        let len = match block {
            Block::Loaded { deals, .. } => deals.len() as u64,
            _ => u64::from(self.page_size),
        };
        (i < start + len).then_some((start, block))
    }

    /// What is known about row `i`.
    pub fn row(&self, i: u64) -> Row<'_> {
        match self.block_of(i) {
            Some((start, Block::Loaded { deals, .. })) => {
                deals.get((i - start) as usize).map_or(Row::Loading, Row::Deal)
            }
            Some((_, Block::Failed(_))) => Row::Failed,
            Some((_, Block::Loading)) | None => Row::Loading,
        }
    }

    /// Why rows in `rows` could not be fetched, if any could not. Failures out of view are
    /// kept (their rows say so when scrolled back to) but not reported.
    pub fn failure(&self, rows: std::ops::Range<u64>) -> Option<&str> {
        let size = u64::from(self.page_size);
        self.blocks
            .range(rows.start.saturating_sub(size)..rows.end)
            .find_map(|(&start, b)| match b {
                Block::Failed(m) if start + size > rows.start => Some(m.as_str()),
                _ => None,
            })
    }

    /// The pages `rows` needs that are neither here nor on the way: where each starts, and
    /// the cursor to ask for it with. Marks them as on the way.
    pub fn claim(&mut self, rows: std::ops::Range<u64>) -> Vec<(u64, Cursor)> {
        let mut wanted = Vec::new();
        if rows.is_empty() {
            return wanted;
        }
        if self.random_access() {
            let size = u64::from(self.page_size);
            let last = rows.end - 1;
            let mut start = rows.start / size * size;
            while start <= last {
                if self.block_of(start).is_none() && self.total.is_none_or(|t| start < t) {
                    if let Some(cursor) = cursor_at(self.style, start, self.page_size) {
                        wanted.push((start, cursor));
                    }
                }
                start += size;
            }
        } else {
            let (end, _) = self.loaded_end();
            if end < rows.end && !self.blocks.contains_key(&end) {
                let next = self.blocks.range(..end).next_back().and_then(|(_, b)| match b {
                    Block::Loaded { next, .. } => next.clone(),
                    _ => None,
                });
                if let Some(cursor) = next {
                    wanted.push((end, cursor));
                }
            }
        }
        for (start, _) in &wanted {
            self.blocks.insert(*start, Block::Loading);
        }
        wanted
    }

    /// Keeps a page that arrived for the block starting at `start`.
    pub fn store(&mut self, start: u64, page: Page) {
        if page.total.is_some() {
            self.total = page.total;
        }
        self.blocks.insert(
            start,
            Block::Loaded {
                deals: page.deals,
                next: page.next,
            },
        );
    }

    /// Records that the block starting at `start` could not be fetched.
    pub fn fail(&mut self, start: u64, message: String) {
        self.blocks.insert(start, Block::Failed(message));
    }

    /// Forgets failed blocks, so the next `claim` asks for them again.
    pub fn retry(&mut self) {
        self.blocks.retain(|_, b| !matches!(b, Block::Failed(_)));
    }

    /// Deals held, for memory accounting in tests.
    pub fn loaded(&self) -> usize {
        self.blocks
            .values()
            .map(|b| match b {
                Block::Loaded { deals, .. } => deals.len(),
                _ => 0,
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DealFields, DealId, Labels};

    fn deals(from: u64, n: u64) -> Vec<Deal> {
        (from..from + n)
            .map(|i| Deal {
                id: DealId(i.to_string()),
                fields: DealFields {
                    name: format!("Deal {i}"),
                    ..DealFields::default()
                },
                labels: Labels::default(),
            })
            .collect()
    }

    fn page(from: u64, n: u64, total: Option<u64>, next: Option<Cursor>) -> Page {
        Page {
            deals: deals(from, n),
            total,
            next,
        }
    }

    fn name(row: Row<'_>) -> Option<String> {
        match row {
            Row::Deal(d) => Some(d.fields.name.clone()),
            _ => None,
        }
    }

    #[test]
    fn the_window_is_clamped_to_the_rows_and_never_empty_in_view() {
        assert_eq!(visible_rows(-50.0, 400.0, 40.0, 5, 100), 0..16);
        assert_eq!(visible_rows(1e9, 400.0, 40.0, 5, 100), 100..100);
        assert_eq!(visible_rows(3960.0, 400.0, 40.0, 5, 100), 94..100);
        // Even a 10,000-row list mounts only about a viewport and a half of rows.
        let r = visible_rows(200_000.0, 800.0, 40.0, 20, 10_000);
        assert!(r.end - r.start <= 100, "{r:?}");
    }

    #[test]
    fn offset_paging_jumps_straight_to_the_pages_in_view() {
        let first = page(0, 100, Some(10_000), Some(Cursor::Offset(100)));
        let mut c = RowCache::new(PagingStyle::Offset { total: true }, 100, first);
        assert_eq!(c.rows(), 10_000);
        let wanted = c.claim(9_950..10_000);
        assert_eq!(wanted, vec![(9_900, Cursor::Offset(9_900))]);
        // Claimed pages are not asked for twice while on the way.
        assert!(c.claim(9_950..10_000).is_empty());
        assert_eq!(c.row(9_990), Row::Loading);
        c.store(9_900, page(9_900, 100, Some(10_000), None));
        assert_eq!(name(c.row(9_999)).as_deref(), Some("Deal 9999"));
        assert_eq!(name(c.row(5)).as_deref(), Some("Deal 5"));
        assert_eq!(c.row(5_000), Row::Loading);
    }

    #[test]
    fn page_numbers_are_asked_for_by_index_across_a_page_boundary() {
        let first = page(0, 100, Some(1_000), Some(Cursor::PageIndex(1)));
        let mut c = RowCache::new(PagingStyle::PageNumber, 100, first);
        let wanted = c.claim(180..230);
        assert_eq!(wanted, vec![(100, Cursor::PageIndex(1)), (200, Cursor::PageIndex(2))]);
    }

    #[test]
    fn cursor_paging_loads_in_order_and_grows_as_pages_arrive() {
        let first = page(0, 100, None, Some(Cursor::Token("a".into())));
        let mut c = RowCache::new(PagingStyle::Cursor, 100, first);
        // No total: the rows loaded plus one "loading more" row.
        assert_eq!(c.rows(), 101);
        // Far rows cannot be reached yet: only the next page is asked for.
        assert_eq!(c.claim(500..600), vec![(100, Cursor::Token("a".into()))]);
        assert!(c.claim(500..600).is_empty());
        // A short page with a next cursor still lines up: blocks start where the last ended.
        c.store(100, page(100, 60, None, Some(Cursor::Token("b".into()))));
        assert_eq!(c.rows(), 161);
        assert_eq!(c.claim(150..170), vec![(160, Cursor::Token("b".into()))]);
        c.store(160, page(160, 40, None, None));
        assert_eq!(c.rows(), 200);
        assert!(c.claim(150..200).is_empty());
        assert_eq!(name(c.row(199)).as_deref(), Some("Deal 199"));
    }

    #[test]
    fn offset_paging_without_a_total_ends_at_the_last_short_page() {
        let first = page(0, 100, None, Some(Cursor::Offset(100)));
        let mut c = RowCache::new(PagingStyle::Offset { total: false }, 100, first);
        assert_eq!(c.rows(), 101);
        assert_eq!(c.claim(90..101), vec![(100, Cursor::Offset(100))]);
        c.store(100, page(100, 7, None, None));
        assert_eq!(c.rows(), 107);
    }

    #[test]
    fn a_failed_page_is_reported_and_asked_for_again_after_retry() {
        let first = page(0, 100, Some(300), Some(Cursor::Offset(100)));
        let mut c = RowCache::new(PagingStyle::Offset { total: true }, 100, first);
        let wanted = c.claim(150..160);
        assert_eq!(wanted.len(), 1);
        c.fail(100, "The CRM did not answer.".into());
        assert_eq!(c.row(150), Row::Failed);
        assert_eq!(c.failure(140..170), Some("The CRM did not answer."));
        assert_eq!(c.failure(0..100), None, "a failure out of view is not reported");
        assert_eq!(c.failure(190..230), Some("The CRM did not answer."));
        assert!(c.claim(150..160).is_empty(), "a failure is not retried on its own");
        c.retry();
        assert_eq!(c.failure(0..300), None);
        assert_eq!(c.claim(150..160), vec![(100, Cursor::Offset(100))]);
    }

    #[test]
    fn an_empty_first_page_means_no_rows() {
        let c = RowCache::new(PagingStyle::Cursor, 100, page(0, 0, None, None));
        assert_eq!(c.rows(), 0);
        assert_eq!(c.loaded(), 0);
    }
}
