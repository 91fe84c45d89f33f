package walk

import "sync"

// Ordered runs work on the items that feed produces, on jobs goroutines,
// and hands the results to sink in the order of the items. At most
// 4×jobs items are in flight, so memory stays bounded however many items
// there are. feed stops when emit returns false, which happens once sink
// has returned false (for example when the output was closed).
func Ordered[In, Out any](jobs int, feed func(emit func(In) bool), work func(In) Out, sink func(Out) bool) {
	if jobs < 1 {
		jobs = 1
	}
	type task struct {
		in  In
		out chan Out
	}
	tasks := make(chan task)
	futures := make(chan chan Out, 4*jobs)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				t.out <- work(t.in)
			}
		}()
	}
	go func() {
		defer close(futures)
		defer close(tasks)
		feed(func(in In) bool {
			t := task{in, make(chan Out, 1)}
			select {
			case futures <- t.out:
			case <-done:
				return false
			}
			select {
			case tasks <- t:
				return true
			case <-done:
				close(t.out) // the sink is draining without looking
				return false
			}
		})
	}()
	stopped := false
	for f := range futures {
		out := <-f
		if stopped {
			continue
		}
		if !sink(out) {
			stopped = true
			close(done)
		}
	}
	wg.Wait()
}
