//! [`Load`]: a value that a future fetches, fetched again when what it depends on changes.

use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A value a future fetches: `None` until the first answer, then the latest answer, which is kept
/// while the next one loads. It is fetched again when a signal its source reads (synchronously,
/// before returning its future) changes, or on [`Load::refetch`].
///
/// A fetch overtaken by a newer one stops where it is: its future is dropped at once (an HTTP
/// request in it is aborted, a wait before retrying ends), so a slow reply to an old search
/// never replaces the new one, nor does anything else the fetch would have done when done.
///
/// This is the part of Leptos' `LocalResource` the app uses. `LocalResource` is built on
/// `AsyncDerived`, which also serves `<Suspense>` and transitions; the app uses neither, and each
/// value type loaded through it cost about 5 KB of wasm (twiggy), four types in all.
pub struct Load<T: 'static> {
    /// The latest answer, a `T`. Its type is erased so that one signal type serves every
    /// load: a signal of each value type, with its reads, writes and drop, cost some 0.6 KB of
    /// wasm per type (twiggy). Only a `T` is ever stored, so reading it back cannot miss.
    value: RwSignal<Option<Box<dyn Any>>, LocalStorage>,
    /// Whether the newest fetch is still running.
    pending: RwSignal<bool>,
    again: RwSignal<usize>,
    kind: PhantomData<fn() -> T>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: 'static> Load<T> {
    /// Starts fetching: `source` runs now, reading the signals it depends on, and returns the
    /// future that fetches. Like `LocalResource`, the answer is taken on a later tick, never
    /// during this call, so every load shows its loading state first.
    pub fn new<Fut>(source: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let pending = RwSignal::new(false);
        let again = RwSignal::new(0);
        // Only this wrapper knows `T`: the fetching machinery below is compiled once for every
        // value type, not once per type (about 2 KB of wasm each, twiggy).
        run_fetches(
            value,
            again,
            pending,
            Box::new(move || {
                let fetch = source();
                Box::pin(async move { Box::new(fetch.await) as Box<dyn Any> })
            }),
        );
        Self {
            value,
            pending,
            again,
            kind: PhantomData,
        }
    }

    /// Fetches again from scratch (a Retry): the value goes back to `None` until the answer
    /// comes, so the view shows its loading state and then the answer anew. Kept, a failure
    /// that fails again would leave the same panel in place: the press would show nothing,
    /// and an assistive technology would announce nothing.
    pub fn refetch(&self) {
        self.value.try_set(None);
        self.again.try_update(|n| *n += 1);
    }

    /// Whether a fetch is running (the first, or one whose answer will replace the value), as
    /// a signal: only the newest fetch's answer ends it. The signal itself, not a `ReadSignal`
    /// of it: that type's reads cost the main wasm 0.4 KB of brotli, and only views read it.
    pub fn loading(&self) -> RwSignal<bool> {
        self.pending
    }

    /// Subscribes the running effect or view to the value, without reading it.
    pub fn track(&self) {
        self.value.track();
    }

    /// Reads the value by reference, subscribing to it.
    pub fn with<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value
            .with(|v| f(v.as_ref().and_then(|answer| answer.downcast_ref())))
    }
}

impl<T: Clone + 'static> Load<T> {
    /// The value, subscribing to it.
    pub fn get(&self) -> Option<T> {
        self.with(|v| v.cloned())
    }
}

/// A fetch, answering what it fetched.
type Fetch = Pin<Box<dyn Future<Output = Box<dyn Any>>>>;

/// Runs the newest fetch `source` makes, again when a signal it reads or `again` changes, and
/// keeps its answer in `value`: [`Load::new`]'s machinery, apart from the type of what is fetched.
fn run_fetches(
    value: RwSignal<Option<Box<dyn Any>>, LocalStorage>,
    again: RwSignal<usize>,
    pending: RwSignal<bool>,
    source: Box<dyn Fn() -> Fetch>,
) {
    // Which fetch is the newest: only it runs on.
    let newest = StoredValue::new(0u64);
    // Wakes the newest fetch while it waits, so that a newer one can stop it at once.
    let waiting = StoredValue::new_local(None::<Waker>);
    let effect = RenderEffect::new(move |_: Option<()>| {
        again.track();
        let mut fetch = source();
        let run = newest.get_value().wrapping_add(1);
        newest.set_value(run);
        pending.try_set(true);
        if let Some(previous) = waiting.try_update_value(Option::take).flatten() {
            previous.wake();
        }
        // The fetch starts now (its request goes out), not when its task first runs: that waits
        // for the rest of the render, on a page's first load the whole app's. Untracked: what
        // the fetch reads once started is not what it depends on. Polled with a waker that does
        // nothing: the task polls it again first thing, and a poll sees whatever happened
        // meanwhile. An answer it has already is still taken on a later tick.
        let mut early = match untrack(|| fetch.as_mut().poll(&mut Context::from_waker(Waker::noop()))) {
            Poll::Ready(answer) => Some(answer),
            Poll::Pending => None,
        };
        leptos::task::spawn_local(async move {
            // The answer is stored as the fetch completes, in the same poll: only the newest
            // fetch is polled, so an overtaken one's answer never is.
            let done = std::future::poll_fn(|cx| {
                // Overtaken, or the component that asked is gone: stop here.
                if newest.try_get_value() != Some(run) {
                    return Poll::Ready(false);
                }
                // A fetch that answered at once must not be polled again.
                let polled = match early.take() {
                    Some(answer) => Poll::Ready(answer),
                    None => fetch.as_mut().poll(cx),
                };
                waiting.try_set_value(polled.is_pending().then(|| cx.waker().clone()));
                polled.map(|answer| {
                    value.try_set(Some(answer));
                    true
                })
            })
            .await;
            if done {
                pending.try_set(false);
            }
        });
    });
    // A render effect stops when dropped: it lives as long as the component that made it.
    StoredValue::new_local(effect);
    // A fetch still running when the component goes stops too, when next polled.
    on_cleanup(move || {
        if let Some(running) = waiting.try_update_value(Option::take).flatten() {
            running.wake();
        }
    });
}
