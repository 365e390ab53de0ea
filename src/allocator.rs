//! The process's allocator: mimalloc for the many small strings a parse
//! makes, the system's for the few big buffers (a file's bytes, a long
//! paragraph, a JSON document).
//!
//! Why two: on a 20 MB input mimalloc takes `--search` from 80 to 51 ms —
//! glibc grew each parsing thread's heap a page at a time — but it grows
//! a big buffer by copying it, where glibc moves its pages (`mremap`), so
//! `--json` on one 50 MB line peaked at 327 MiB instead of 245. A block is
//! served by the allocator its size picks, and freed or grown by the same
//! one: `GlobalAlloc` hands back the layout it was allocated with.

use std::alloc::{GlobalAlloc, Layout, System};

use mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: 15 in its header's list of
/// options (v2 and v3 alike), which the Rust bindings do not name. A test
/// checks it is the option whose default is v3's 1000 ms.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory freed is given back to the system at once instead of after a
/// second: a parse frees most of what it made as it goes (the lines, the
/// raw blocks), and a run that ends soon after never gave it back. On a page of
/// a million lines `--outline` peaked at 295 MB, 238 MB with this; a
/// search of 20 MB at 112 MB, 88 MB; no run was measurably slower.
pub(crate) fn give_back_freed_memory_at_once() {
    // SAFETY: sets one of mimalloc's options, which it reads when it
    // purges; any thread may set one at any time.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

/// From this size on, blocks come from the system allocator.
const BIG: usize = 32 << 20;

pub(crate) struct Allocator;

fn big(size: usize) -> bool {
    size >= BIG
}

// SAFETY: every call is passed on to the allocator that `big(size)` names,
// and a block's size picks the same one for its whole life: `dealloc` and
// `realloc` receive the layout the block was allocated with. A block that
// grows or shrinks across `BIG` is moved to the other allocator through an
// allocation there, a copy of the smaller size, and a free here.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe {
            if big(layout.size()) {
                System.alloc(layout)
            } else {
                MiMalloc.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe {
            if big(layout.size()) {
                System.alloc_zeroed(layout)
            } else {
                MiMalloc.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from the allocator its layout's size picks.
        unsafe {
            if big(layout.size()) {
                System.dealloc(ptr, layout)
            } else {
                MiMalloc.dealloc(ptr, layout)
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above; a move between allocators copies only the bytes
        // both blocks hold, then frees the old block with its own layout.
        unsafe {
            match (big(layout.size()), big(new_size)) {
                (true, true) => System.realloc(ptr, layout, new_size),
                (false, false) => MiMalloc.realloc(ptr, layout, new_size),
                _ => {
                    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purge_delay_is_the_option_it_is_taken_for() {
        // SAFETY: reads and sets one of mimalloc's options.
        unsafe {
            assert_eq!(
                libmimalloc_sys::mi_option_get(PURGE_DELAY),
                1000,
                "its default"
            );
            give_back_freed_memory_at_once();
            assert_eq!(libmimalloc_sys::mi_option_get(PURGE_DELAY), 0);
        }
    }

    #[test]
    fn blocks_grow_and_shrink_across_the_line() {
        // Through the allocator directly: the test harness keeps its own.
        let a = Allocator;
        let layout = Layout::from_size_align(1000, 8).expect("layout");
        // SAFETY: each pointer is used within its block's size and freed
        // once, with the layout it has at that moment.
        unsafe {
            let p = a.alloc(layout);
            assert!(!p.is_null());
            p.write_bytes(7, 1000);
            let p = a.realloc(p, layout, 3 * BIG);
            assert_eq!(std::slice::from_raw_parts(p, 1000), [7; 1000]);
            p.add(3 * BIG - 1).write(9);
            let big_layout = Layout::from_size_align(3 * BIG, 8).expect("layout");
            let p = a.realloc(p, big_layout, 4 * BIG);
            assert_eq!(*p.add(3 * BIG - 1), 9);
            let p = a.realloc(p, Layout::from_size_align(4 * BIG, 8).expect("layout"), 500);
            assert_eq!(std::slice::from_raw_parts(p, 500), [7; 500]);
            a.dealloc(p, Layout::from_size_align(500, 8).expect("layout"));
        }
    }
}
