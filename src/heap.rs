//! The wasm build's memory allocator: a free list for each power-of-two block size.
//!
//! Why: std's allocator on wasm32 is dlmalloc, some 4.8 KB of code in the main module, on every
//! first load (about 2 KiB of brotli, `scripts/size.mjs`). This one is a few hundred bytes. What
//! the app allocates is small and short-lived (strings, vectors of deals and of views, reactive
//! nodes), so a block that is never split nor merged serves it well, and faster: an allocation
//! is a pop from a list or a bump of a pointer, a free a push.
//!
//! The cost is memory: a request is rounded up to a power of two (so up to twice its size), and a
//! freed block serves only requests of its own size. `make bench` measures the memory the app
//! holds with 10,000 deals scrolled through, against its 20 MB budget.
//!
//! The logic is plain Rust over a [`Grow`] source of fresh memory, so the host tests run it over
//! an arena; the wasm build grows the module's memory ([`Pages`]).

use core::alloc::Layout;

/// The smallest block, as a shift: 16 bytes, wasm32's largest alignment in common use (`u128`,
/// `f64` pairs), so any block the bump pointer hands out is aligned for nearly every request.
const MIN_SHIFT: u32 = 4;
/// Block sizes from 16 bytes to 1 GiB on wasm32 (larger requests get null: an allocation error).
const CLASSES: usize = (usize::BITS - 1 - MIN_SHIFT) as usize;

/// Fresh memory for the heap when its free lists and its current region are spent.
pub trait Grow {
    /// At least `bytes` more bytes of memory no one else uses: the start of the region and its
    /// length, or `None` where there is no more.
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

/// The allocator's state: the head of each block size's free list (0 for empty; a free block
/// holds the address of the next), and the region new blocks are cut from.
pub struct Heap<G> {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
    grow: G,
}

/// The block size a layout is served from, as an index (16 << index bytes); `None` where no
/// block is that large.
fn class(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    let bits = size.checked_next_power_of_two()?.trailing_zeros();
    let index = (bits - MIN_SHIFT) as usize;
    (index < CLASSES).then_some(index)
}

impl<G: Grow> Heap<G> {
    /// An empty heap that takes its memory from `grow`.
    pub const fn new(grow: G) -> Self {
        Heap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
            grow,
        }
    }

    /// A block for `layout`, or null where there is no memory left (the caller's allocation error).
    ///
    /// # Safety
    /// `layout` has a non-zero size, as `GlobalAlloc::alloc` requires.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(index) = class(layout) else {
            return core::ptr::null_mut();
        };
        let size = 16usize << index;
        let align = layout.align().max(1 << MIN_SHIFT);
        let head = self.free[index];
        // A block on the list is 16-aligned; the rare request for more takes one only if it fits.
        if head != 0 && head.is_multiple_of(align) {
            // SAFETY: a free block's first word is the list's next link, written by `dealloc`.
            self.free[index] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let fits = |next: usize, end: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            (start.checked_add(size)? <= end).then_some(start)
        };
        let start = match fits(self.next, self.end) {
            Some(start) => start,
            None => {
                let Some((region, len)) = size.checked_add(align).and_then(|want| self.grow.grow(want)) else {
                    return core::ptr::null_mut();
                };
                // What is left of a region that the new one does not continue is given up: only
                // this heap grows the memory, so regions follow one another.
                if region != self.end {
                    self.next = region;
                }
                // A region ending at the very top of a 32-bit address space has no end address
                // that fits: it cannot be used, and the request fails as out of memory.
                let Some(end) = region.checked_add(len) else {
                    return core::ptr::null_mut();
                };
                self.end = end;
                match fits(self.next, self.end) {
                    Some(start) => start,
                    None => return core::ptr::null_mut(),
                }
            }
        };
        self.next = start + size;
        start as *mut u8
    }

    /// Gives back a block.
    ///
    /// # Safety
    /// `ptr` came from this heap's [`alloc`](Self::alloc) (or [`realloc`](Self::realloc)) with
    /// this same `layout`, and is not used again.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        let Some(index) = class(layout) else { return };
        // SAFETY: the block is at least 16 bytes, aligned, and the caller's no longer.
        unsafe { *(ptr as *mut usize) = self.free[index] };
        self.free[index] = ptr as usize;
    }

    /// Resizes a block: the same block where the new size rounds to the same block size (a
    /// string or vector growing within its block costs nothing), otherwise a new one with the
    /// contents copied.
    ///
    /// # Safety
    /// As [`dealloc`](Self::dealloc) for `ptr` and `layout`; `new_size` is non-zero and, rounded
    /// up to `layout.align()`, does not overflow `isize`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller vouches for the size and alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new_layout) == class(layout) {
            return ptr;
        }
        // SAFETY: as this function's own contract.
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: two live, distinct blocks, each at least as long as what is copied.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

/// The wasm module's memory, grown a 64 KiB page at a time.
#[cfg(target_arch = "wasm32")]
pub struct Pages;

#[cfg(target_arch = "wasm32")]
impl Grow for Pages {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        const PAGE: usize = 65_536;
        let pages = bytes.div_ceil(PAGE);
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then(|| (old * PAGE, pages * PAGE))
    }
}

/// The heap as the program's global allocator.
///
/// Why single-threaded: the app's wasm has no threads (no `atomics` target feature), so nothing
/// else can be inside the heap while one call is; a build with threads would not compile this.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub struct Allocator(core::cell::UnsafeCell<Heap<Pages>>);

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
impl Allocator {
    /// The allocator, with nothing allocated yet.
    pub const fn new() -> Self {
        Allocator(core::cell::UnsafeCell::new(Heap::new(Pages)))
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
impl Default for Allocator {
    fn default() -> Self {
        Self::new()
    }
}

// SAFETY: see `Allocator`: without threads, only one call is ever inside the heap.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl Sync for Allocator {}

// SAFETY: `Heap` hands out distinct, aligned blocks of at least the requested size, and no
// call re-enters it (it allocates nothing itself).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl core::alloc::GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one call at a time (see `Sync`); the layout is GlobalAlloc's caller's.
        unsafe { (*self.0.get()).alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { (*self.0.get()).dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        unsafe { (*self.0.get()).realloc(ptr, layout, new_size) }
    }
}

// Host only: the property test uses proptest, a host dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Memory from a buffer the test owns, handed out in 4 KiB steps, as the wasm memory grows in
    /// pages; `gaps` leaves a hole before each region after the first, as if something else grew
    /// the memory meanwhile.
    struct Arena {
        /// Owns the memory; blocks are reached through their addresses only.
        _buffer: Vec<u128>,
        base: usize,
        len: usize,
        used: usize,
        gaps: bool,
    }

    impl Arena {
        fn new(bytes: usize, gaps: bool) -> Self {
            let mut buffer = vec![0u128; bytes / 16];
            let base = buffer.as_mut_ptr() as usize;
            Arena {
                _buffer: buffer,
                base,
                len: bytes / 16 * 16,
                used: 0,
                gaps,
            }
        }
    }

    impl Grow for &mut Arena {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            const STEP: usize = 4096;
            if self.gaps && self.used > 0 {
                self.used += STEP;
            }
            let len = bytes.div_ceil(STEP) * STEP;
            if self.used + len > self.len {
                return None;
            }
            let start = self.base + self.used;
            self.used += len;
            Some((start, len))
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).expect("a valid layout")
    }

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_size() {
        let mut arena = Arena::new(1 << 16, false);
        let mut heap = Heap::new(&mut arena);
        unsafe {
            let a = heap.alloc(layout(24, 8));
            let b = heap.alloc(layout(20, 4));
            assert_ne!(a, b);
            heap.dealloc(a, layout(24, 8));
            // 17 to 32 bytes share a block size.
            assert_eq!(heap.alloc(layout(32, 8)), a);
            // Another size does not take it.
            heap.dealloc(b, layout(20, 4));
            assert_ne!(heap.alloc(layout(64, 8)), b);
        }
    }

    #[test]
    fn blocks_are_aligned_as_asked_even_beyond_16() {
        let mut arena = Arena::new(1 << 16, false);
        let mut heap = Heap::new(&mut arena);
        unsafe {
            for (size, align) in [(1, 1), (3, 2), (8, 8), (16, 16), (40, 64), (8, 256), (300, 128)] {
                let p = heap.alloc(layout(size, align));
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "{size} bytes aligned to {align}");
            }
            // A block of 64 freed at an address aligned only to 16 is not handed to a request
            // for 64-byte alignment.
            let p = heap.alloc(layout(48, 16));
            heap.dealloc(p, layout(48, 16));
            let q = heap.alloc(layout(64, 64));
            assert_eq!(q as usize % 64, 0);
        }
    }

    #[test]
    fn growing_within_a_block_keeps_it_and_beyond_copies() {
        let mut arena = Arena::new(1 << 16, false);
        let mut heap = Heap::new(&mut arena);
        unsafe {
            let p = heap.alloc(layout(20, 1));
            for i in 0..20 {
                *p.add(i) = i as u8;
            }
            assert_eq!(heap.realloc(p, layout(20, 1), 32), p);
            let q = heap.realloc(p, layout(32, 1), 100);
            assert_ne!(q, p);
            for i in 0..20 {
                assert_eq!(*q.add(i), i as u8);
            }
            // Shrinking to another block size copies what still fits.
            let r = heap.realloc(q, layout(100, 1), 10);
            for i in 0..10 {
                assert_eq!(*r.add(i), i as u8);
            }
            // The block it left serves the next 100 bytes.
            assert_eq!(heap.alloc(layout(100, 1)), q);
        }
    }

    #[test]
    fn out_of_memory_is_a_null_not_a_crash() {
        let mut arena = Arena::new(1 << 14, false);
        let mut heap = Heap::new(&mut arena);
        unsafe {
            assert!(heap.alloc(layout(1 << 20, 8)).is_null());
            assert!(heap.alloc(layout(isize::MAX as usize - 8, 8)).is_null());
            // Smaller requests still succeed afterwards.
            assert!(!heap.alloc(layout(100, 8)).is_null());
        }
    }

    /// Memory that ends at the very top of the address space, as a 4 GiB wasm memory does on
    /// wasm32.
    struct AtTheTop;

    impl Grow for AtTheTop {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let len = bytes.div_ceil(4096) * 4096;
            Some((0usize.wrapping_sub(len), len))
        }
    }

    #[test]
    fn a_region_whose_end_does_not_fit_in_an_address_is_out_of_memory() {
        let mut heap = Heap::new(AtTheTop);
        // Null, not a block whose end wrapped around to address 0.
        assert!(unsafe { heap.alloc(layout(64, 8)) }.is_null());
    }

    proptest! {
        /// Any sequence of allocations, frees and resizes: each live block stays inside the
        /// arena, aligned, apart from every other live block, and keeps what was written to it.
        #[test]
        fn live_blocks_never_overlap_and_keep_their_bytes(
            steps in proptest::collection::vec((0usize..3, 1usize..3000, 0u32..7, any::<prop::sample::Index>()), 1..300),
            gaps in any::<bool>(),
        ) {
            let mut arena = Arena::new(1 << 22, gaps);
            let (base, end) = (arena.base, arena.base + arena.len);
            let mut heap = Heap::new(&mut arena);
            // (address, layout, fill byte)
            let mut live: Vec<(usize, Layout, u8)> = Vec::new();
            for (n, (op, size, align_shift, pick)) in steps.into_iter().enumerate() {
                let fill = n as u8;
                unsafe {
                    if op == 0 || live.is_empty() {
                        let l = layout(size, 1 << align_shift);
                        let p = heap.alloc(l);
                        prop_assert!(!p.is_null());
                        core::ptr::write_bytes(p, fill, size);
                        live.push((p as usize, l, fill));
                    } else {
                        let i = pick.index(live.len());
                        let (p, l, old_fill) = live.swap_remove(i);
                        if op == 1 {
                            heap.dealloc(p as *mut u8, l);
                        } else {
                            let q = heap.realloc(p as *mut u8, l, size);
                            prop_assert!(!q.is_null());
                            for k in 0..l.size().min(size) {
                                prop_assert_eq!(*q.add(k), old_fill);
                            }
                            core::ptr::write_bytes(q, fill, size);
                            live.push((q as usize, layout(size, l.align()), fill));
                        }
                    }
                }
                let mut spans: Vec<(usize, usize)> = live.iter().map(|&(p, l, _)| (p, p + l.size())).collect();
                spans.sort();
                for w in spans.windows(2) {
                    prop_assert!(w[0].1 <= w[1].0, "blocks overlap: {:?}", w);
                }
                for &(p, l, f) in &live {
                    prop_assert_eq!(p % l.align(), 0);
                    prop_assert!(p >= base && p + l.size() <= end);
                    for k in 0..l.size() {
                        prop_assert_eq!(unsafe { *(p as *const u8).add(k) }, f);
                    }
                }
            }
        }
    }
}
