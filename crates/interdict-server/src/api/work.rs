//! Where CPU-bound request work runs: one queue, first come first served,
//! drained by one thread per core; each request is run to its end by the
//! thread that took it.
//!
//! Not rayon's pool directly: a rayon worker that waits inside a parallel
//! iterator steals whatever is queued, whole other requests included, and
//! must finish them before it returns to its own. Under concurrent batches
//! a request could wait behind an unbounded chain of later ones (p99 of
//! seconds while the median was 91 ms). A thread of this queue never picks
//! up other work while it waits; a parallel iterator inside a job runs on
//! rayon's pool, whose workers then only ever hold pieces of the few jobs
//! in progress, one per queue thread.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Requests waiting beyond this many are refused at once (503) rather than
/// answered after their client gave up.
const QUEUE_CAPACITY: usize = 4096;

/// The queue is full.
#[derive(Debug)]
pub(crate) struct Busy;

pub(crate) struct Workers {
    tx: SyncSender<Job>,
}

impl Workers {
    fn start(threads: usize, capacity: usize) -> Workers {
        let (tx, rx) = sync_channel::<Job>(capacity);
        let rx = Arc::new(Mutex::new(rx));
        for n in 0..threads.max(1) {
            let rx = Arc::clone(&rx);
            let spawned = std::thread::Builder::new()
                .name(format!("interdict-work-{n}"))
                .spawn(move || run(&rx));
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a worker thread");
            }
        }
        Workers { tx }
    }

    /// Queues `job` behind every job queued before it.
    pub(crate) fn submit(&self, job: Job) -> Result<(), Busy> {
        match self.tx.try_send(job) {
            Ok(()) => Ok(()),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => Err(Busy),
        }
    }
}

/// Takes jobs in the order they came until the queue is gone.
fn run(rx: &Mutex<Receiver<Job>>) {
    loop {
        // The lock is held only while taking a job, not while running it.
        let next = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        match next {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

/// The process's queue, one thread per core, started on first use.
pub(crate) fn workers() -> &'static Workers {
    static WORKERS: OnceLock<Workers> = OnceLock::new();
    WORKERS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Workers::start(cores, QUEUE_CAPACITY)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn jobs_start_in_the_order_they_came() {
        let workers = Workers::start(1, 16);
        let (tx, rx) = channel();
        for i in 0..10 {
            let tx = tx.clone();
            let queued = workers.submit(Box::new(move || {
                let _ = tx.send(i);
            }));
            assert!(queued.is_ok());
        }
        let order: Vec<i32> = rx.iter().take(10).collect();
        assert_eq!(order, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn a_full_queue_refuses() {
        let workers = Workers::start(1, 1);
        let (hold_tx, hold_rx) = channel::<()>();
        let (started_tx, started_rx) = channel::<()>();
        // The one thread blocks in the first job; the second fills the queue.
        let first = workers.submit(Box::new(move || {
            let _ = started_tx.send(());
            let _ = hold_rx.recv();
        }));
        assert!(first.is_ok());
        assert!(started_rx.recv().is_ok());
        assert!(workers.submit(Box::new(|| {})).is_ok());
        assert!(workers.submit(Box::new(|| {})).is_err());
        let _ = hold_tx.send(());
    }
}
