//! A first-in, first-out async lock: the calls made on one JS `Workspace` handle run one at a
//! time, in the order they were made.
//!
//! Why: every workspace write rereads the documents it changes and commits them with their
//! revisions (optimistic concurrency). Calls on one handle that interleave at their `await`s all
//! rewrite the same `workload/{id}` summary, so all but one lose each round, and with 50 calls
//! in flight most ran out of retries with a `Conflict` that no other writer caused. Queuing
//! them costs nothing the store did not already serialise (IndexedDB runs overlapping
//! read-write transactions one after another), and leaves `Conflict` to other writers.
//!
//! No dependency: one `RefCell` with the queue of tickets and the waker of each. A place in the
//! queue is taken synchronously by [`Turnstile::enter`], so the order is the call order even
//! before the returned future is first polled. Single-threaded (`Rc`), like the stores.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// The queue. Share it with `Rc`; every [`Ticket`] keeps it alive.
#[derive(Default)]
pub struct Turnstile {
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The id the next ticket gets.
    next: u64,
    /// Tickets not yet released, in call order; the front one holds the turn.
    queue: VecDeque<(u64, Option<Waker>)>,
}

impl Turnstile {
    pub fn new() -> Rc<Self> {
        Rc::new(Turnstile::default())
    }

    /// Takes a place at the back of the queue now; the ticket resolves to a [`Turn`] when every
    /// earlier ticket has been released (or dropped unused).
    pub fn enter(self: &Rc<Self>) -> Ticket {
        let mut state = self.state.borrow_mut();
        let id = state.next;
        state.next += 1;
        state.queue.push_back((id, None));
        Ticket {
            turnstile: self.clone(),
            id,
            done: false,
        }
    }

    /// How many tickets wait or hold the turn (for tests).
    pub fn len(&self) -> usize {
        self.state.borrow().queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes ticket `id` from the queue; if that hands the turn on, wakes the new holder.
    fn leave(&self, id: u64) {
        let waker = {
            let mut state = self.state.borrow_mut();
            let Some(at) = state.queue.iter().position(|(t, _)| *t == id) else {
                return;
            };
            state.queue.remove(at);
            match state.queue.front_mut() {
                Some((_, waker)) if at == 0 => waker.take(),
                _ => None,
            }
        };
        // Outside the borrow: a waker may poll at once (some executors do).
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// A place in the queue: a future that resolves to the [`Turn`] once it is at the front.
/// Dropped before that, it gives up its place without blocking the others.
pub struct Ticket {
    turnstile: Rc<Turnstile>,
    id: u64,
    /// Set once the turn was handed to a [`Turn`], which then releases it.
    done: bool,
}

impl Future for Ticket {
    type Output = Turn;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Turn> {
        let id = self.id;
        let mut state = self.turnstile.state.borrow_mut();
        if state.queue.front().map(|(t, _)| *t) != Some(id) {
            // Keep the waker of the latest poll: that is the task to wake.
            if let Some(entry) = state.queue.iter_mut().find(|(t, _)| *t == id) {
                entry.1 = Some(cx.waker().clone());
            }
            return Poll::Pending;
        }
        drop(state);
        self.done = true;
        Poll::Ready(Turn {
            turnstile: self.turnstile.clone(),
            id,
        })
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if !self.done {
            self.turnstile.leave(self.id);
        }
    }
}

/// The turn: while it lives, no later ticket resolves. Dropping it (the call finished, with a
/// result or an error) lets the next call start.
pub struct Turn {
    turnstile: Rc<Turnstile>,
    id: u64,
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.turnstile.leave(self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::Wake;

    /// A waker that counts its wakes.
    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn poll(ticket: &mut Ticket, waker: &Waker) -> Option<Turn> {
        match Pin::new(ticket).poll(&mut Context::from_waker(waker)) {
            Poll::Ready(turn) => Some(turn),
            Poll::Pending => None,
        }
    }

    #[test]
    fn tickets_resolve_one_at_a_time_in_the_order_taken() {
        let t = Turnstile::new();
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(count.clone());
        let (mut a, mut b, mut c) = (t.enter(), t.enter(), t.enter());
        // Polled out of order: only the first taken may go.
        assert!(poll(&mut c, &waker).is_none());
        assert!(poll(&mut b, &waker).is_none());
        let turn_a = poll(&mut a, &waker).expect("a is first");
        assert!(
            poll(&mut b, &waker).is_none(),
            "b waits while a holds the turn"
        );
        assert_eq!(count.0.load(Ordering::SeqCst), 0);
        drop(turn_a);
        assert_eq!(
            count.0.load(Ordering::SeqCst),
            1,
            "releasing wakes the next"
        );
        assert!(poll(&mut c, &waker).is_none(), "c still waits for b");
        let turn_b = poll(&mut b, &waker).expect("b is next");
        drop(turn_b);
        let turn_c = poll(&mut c, &waker).expect("then c");
        drop(turn_c);
        drop((a, b, c));
        assert!(t.is_empty());
    }

    #[test]
    fn a_ticket_dropped_while_waiting_does_not_block_the_queue() {
        let t = Turnstile::new();
        let waker = Waker::noop();
        let mut a = t.enter();
        let b = t.enter();
        let mut c = t.enter();
        let turn_a = poll(&mut a, waker).unwrap();
        drop(b);
        assert_eq!(t.len(), 2);
        drop(turn_a);
        assert!(
            poll(&mut c, waker).is_some(),
            "c goes once a is done; b left"
        );
    }

    #[test]
    fn a_front_ticket_dropped_before_its_poll_hands_the_turn_on() {
        let t = Turnstile::new();
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(count.clone());
        let a = t.enter();
        let mut b = t.enter();
        assert!(poll(&mut b, &waker).is_none());
        drop(a);
        assert_eq!(count.0.load(Ordering::SeqCst), 1, "b is woken");
        assert!(poll(&mut b, &waker).is_some());
    }

    #[test]
    fn an_empty_queue_lets_the_first_ticket_through_at_once() {
        let t = Turnstile::new();
        let mut a = t.enter();
        let turn = poll(&mut a, Waker::noop());
        assert!(turn.is_some());
        assert_eq!(t.len(), 1, "the turn holds its place until dropped");
        drop(turn);
        assert!(t.is_empty());
    }
}
