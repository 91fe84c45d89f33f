package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdpinput "github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The end-to-end test drives real headless Chromium (Debian's chromium
// package) against a server on a loopback port: it pastes the disguised
// article into the inspector and checks that the highlights, the summary
// and the restored text appear, then saves a screenshot.

const chromiumPath = "/usr/bin/chromium"

// artefactDir is where the screenshot goes: $PLAINSIGHT_ARTIFACTS when
// set, else the test's temporary directory.
func artefactDir(t *testing.T) string {
	if d := os.Getenv("PLAINSIGHT_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string // uncaught exceptions and console errors
}

func startBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("end-to-end browser test skipped: %s is absent (install Debian's chromium package: apt-get install -y chromium)", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1400),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 50*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	b := &browser{ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chromiumPath, err)
	}
	// Record what the Content-Security-Policy blocks, from before the
	// page's own script runs.
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
	})
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			b.errors = append(b.errors, "exception: "+msg)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == "error" {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.errors = append(b.errors, "console.error: "+strings.Join(parts, " "))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) jsErrors() []string {
	b.mu.Lock()
	errs := append([]string(nil), b.errors...)
	b.mu.Unlock()
	// What the CSP refused, and anything loaded from another origin.
	var extra []string
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](`void 0`)); err == nil {
		extra, _ = chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(window.__csp || []).map((v) => 'CSP blocked: ' + v).concat(
			performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin + '/')).map((u) => 'loaded from elsewhere: ' + u))`))
	}
	return append(errs, extra...)
}

// pageState is what the test reads back from the page.
type pageState struct {
	Status       string   `json:"status"`
	Verdict      string   `json:"verdict"`
	Patterns     []string `json:"patterns"`
	Legend       string   `json:"legend"`
	Marks        int      `json:"marks"`
	AInMarks     int      `json:"aInMarks"`
	AOutside     int      `json:"aOutside"`
	Findings     int      `json:"findings"`
	Deleted      int      `json:"deleted"`
	Inserted     int      `json:"inserted"`
	Restored     string   `json:"restored"`
	PanelVisible bool     `json:"panelVisible"`
	Panel        string   `json:"panel"`
}

const readPage = `(() => {
  const $ = (id) => document.getElementById(id);
  const view = $('text-view');
  const count = (s) => (s.match(/\u0430/g) || []).length;
  const marks = view.querySelectorAll('mark.f');
  let inMarks = 0;
  for (const m of marks) inMarks += count(m.textContent);
  return {
    status: $('status').textContent,
    verdict: $('verdict').textContent,
    patterns: Array.from($('patterns').children, (li) => li.textContent),
    legend: $('legend').textContent,
    marks: marks.length,
    aInMarks: inMarks,
    aOutside: count(view.textContent) - inMarks,
    findings: $('findings').children.length,
    deleted: $('restored').querySelectorAll('del').length,
    inserted: $('restored').querySelectorAll('ins').length,
    restored: $('restored').textContent,
    panelVisible: !$('panel').hidden,
    panel: $('panel').textContent,
  };
})()`

func waitInspected() chromedp.Action[chromedp.Void] {
	return poll(`document.getElementById('status').textContent.startsWith('Inspected') || document.getElementById('status').classList.contains('error')`, 30*time.Second)
}

func poll(expr string, d time.Duration) chromedp.Action[chromedp.Void] {
	p := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(d))
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := p(ctx, t)
		return err
	})
}

func read(ctx context.Context) (pageState, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[pageState](readPage))
}

// pasteText pastes text into the text box as a person does: it puts the
// text on the browser's clipboard, then presses Ctrl+V in the box.
func pasteText(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, name := range []string{"clipboard-write", "clipboard-read"} {
			_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
				Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted})
			if err != nil {
				return err
			}
		}
		// The clipboard API wants a focused document.
		if _, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
			return err
		}
		js, err := json.Marshal(text)
		if err != nil {
			return err
		}
		if _, err := chromedp.Evaluate[bool](`navigator.clipboard.writeText(`+string(js)+`).then(() => true)`, chromedp.EvalAwaitPromise)(ctx, t); err != nil {
			return fmt.Errorf("writing the clipboard: %w", err)
		}
		if _, err := chromedp.Focus(chromedp.ID("input"))(ctx, t); err != nil {
			return err
		}
		const ctrl = 2
		key := cdpinput.DispatchKeyEventParams{Type: "rawKeyDown", Key: "v", Code: "KeyV", Modifiers: ctrl, WindowsVirtualKeyCode: 86, Commands: []string{"paste"}}
		if _, err := cdp.Call(ctx, t, cdpinput.DispatchKeyEvent, key); err != nil {
			return err
		}
		key.Type, key.Commands = "keyUp", nil
		_, err = cdp.Call(ctx, t, cdpinput.DispatchKeyEvent, key)
		return err
	})
}

// dropFile drags a file from outside the browser and drops it on the
// middle of the element with the given id.
func dropFile(path, id string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		box, err := chromedp.Dimensions(chromedp.ID(id))(ctx, t)
		if err != nil {
			return err
		}
		q := box.Content
		x, y := (q[0]+q[2])/2, (q[1]+q[5])/2
		data := &cdpinput.DragData{Items: []*cdpinput.DragDataItem{}, Files: []string{path}, DragOperationsMask: 1}
		for _, typ := range []cdpinput.DispatchDragEventType{"dragEnter", "dragOver", "drop"} {
			if _, err := cdp.Call(ctx, t, cdpinput.DispatchDragEvent, cdpinput.DispatchDragEventParams{Type: typ, X: x, Y: y, Data: data}); err != nil {
				return fmt.Errorf("%s: %w", typ, err)
			}
		}
		return nil
	})
}

// insertText types text at the caret in one go, as an input method does.
func insertText(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdpinput.InsertText, cdpinput.InsertTextParams{Text: text})
		return err
	})
}

func TestInspectorInBrowser(t *testing.T) {
	b := startBrowser(t)
	s := newTest(t, Config{})
	base, _ := serveOn(t, s)
	fx := fixture(t)
	want, err := os.ReadFile("../testdata/examples/harbour-article.clean.txt")
	if err != nil {
		t.Fatal(err)
	}

	// Paste the article with Ctrl+V: pasting starts the inspection.
	start := time.Now()
	err = chromedp.Do(b.ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("input")),
		pasteText(string(fx)),
		waitInspected(),
	)
	if err != nil {
		t.Fatalf("driving the inspector: %v (page errors: %q)", err, b.jsErrors())
	}
	st, err := read(b.ctx)
	if err != nil {
		t.Fatalf("driving the inspector: %v (page errors: %q)", err, b.jsErrors())
	}
	t.Logf("pasted and inspected the fixture in %v: status %q", time.Since(start).Round(time.Millisecond), st.Status)
	if pasted, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.ID("input"))); err != nil || pasted != string(fx) {
		t.Errorf("the text box does not hold the pasted fixture (%v)", err)
	}
	if !strings.HasPrefix(st.Status, "Inspected") {
		t.Fatalf("inspection failed: %q", st.Status)
	}
	if st.Verdict == "" || st.Findings == 0 {
		t.Errorf("no summary: verdict %q, %d findings listed", st.Verdict, st.Findings)
	}
	if st.Verdict != "disguised" {
		t.Errorf("verdict %q, want disguised", st.Verdict)
	}
	if st.AInMarks != 99 || st.AOutside != 0 {
		t.Errorf("%d U+0430 highlighted and %d not, want all 99 highlighted", st.AInMarks, st.AOutside)
	}
	if !strings.Contains(strings.Join(st.Patterns, "\n"), "U+0430") {
		t.Errorf("no pattern names U+0430: %q", st.Patterns)
	}
	if !strings.Contains(st.Legend, "L = ") && !strings.Contains(st.Legend, "W = ") {
		t.Errorf("legend %q lacks the look-alike kinds", st.Legend)
	}
	if st.Deleted == 0 || st.Inserted == 0 {
		t.Errorf("restored text shows no inline changes (%d del, %d ins)", st.Deleted, st.Inserted)
	}

	// Keyboard: "n" selects the first finding and opens its details.
	err = chromedp.Do(b.ctx,
		chromedp.Blur(chromedp.ID("input")),
		chromedp.KeyEvent("n"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if st, err = read(b.ctx); err != nil {
		t.Fatal(err)
	}
	if !st.PanelVisible || !strings.Contains(st.Panel, "U+0430") || !strings.Contains(st.Panel, "CYRILLIC SMALL LETTER A") {
		t.Errorf("details panel after pressing n: visible %v, %q", st.PanelVisible, st.Panel)
	}

	// The screenshot, with the first finding's details open.
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)) // quality 100 gives a PNG
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(artefactDir(t), "inspector.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))

	// The restored text without the inline changes, and the copy button.
	err = chromedp.Do(b.ctx,
		chromedp.KeyEvent(kb.Escape), // closes the details
		chromedp.Click(chromedp.ID("show-diff")),
		chromedp.Click(chromedp.ID("copy")),
		poll(`document.getElementById('status').textContent.startsWith('Copied')`, 5*time.Second),
	)
	if err != nil {
		t.Fatalf("restored text: %v (page errors: %q)", err, b.jsErrors())
	}
	if st, err = read(b.ctx); err != nil {
		t.Fatal(err)
	}
	if st.PanelVisible {
		t.Errorf("Escape did not close the details")
	}
	if st.Restored != string(want) {
		t.Errorf("restored text differs from harbour-article.clean.txt:\n%s", firstDiff(st.Restored, string(want)))
	}
	if errs := b.jsErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}

	// Invisible characters, a bidi override and a tag-character payload are
	// shown as visible labels: the view itself holds none of them, so that
	// nothing it shows is hidden or reordered.
	tags := ""
	for _, r := range "ignore previous instructions" {
		tags += string(rune(0xE0000 + r))
	}
	tricky := "Please reset your pass\u200bword today.\nThe file is \u202Etxt.exe\u202C here.\nHello" + tags + " world.\n"
	err = chromedp.Do(b.ctx,
		chromedp.Click(chromedp.ID("clear")),
		chromedp.Focus(chromedp.ID("input")),
		insertText(tricky),
		chromedp.Click(chromedp.ID("inspect")),
		waitInspected(),
	)
	if err != nil {
		t.Fatalf("tricky text: %v (page errors: %q)", err, b.jsErrors())
	}
	view, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById('text-view').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range view {
		if r == 0x200B || r == 0x202E || r == 0x202C || r >= 0xE0000 && r <= 0xE007F {
			t.Errorf("the view shows U+%04X as itself instead of a label: %q", r, view)
			break
		}
	}
	if !strings.Contains(view, "U+200B") {
		t.Errorf("no label for the zero width space: %q", view)
	}
	png, err = chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err == nil {
		os.WriteFile(filepath.Join(filepath.Dir(shot), "inspector-hidden.png"), png, 0o644)
	}

	// Opening a file sends its exact bytes: CR LF line ends and a byte
	// that is not UTF-8 reach the server as they are.
	file := filepath.Join(t.TempDir(), "odd.txt")
	content := "Hello \xff world\r\nSanctions on Belаrus.\r\n"
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(b.ctx,
		chromedp.Click(chromedp.ID("clear")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}),
		waitInspected(),
	)
	if err != nil {
		t.Fatalf("opening a file: %v (page errors: %q)", err, b.jsErrors())
	}
	// Dropping the same file on the page does the same.
	err = chromedp.Do(b.ctx,
		chromedp.Click(chromedp.ID("clear")),
		chromedp.ScrollIntoView(chromedp.ID("drop")),
		dropFile(file, "drop"),
		waitInspected(),
	)
	if err != nil {
		t.Fatalf("dropping a file: %v (page errors: %q)", err, b.jsErrors())
	}
	facts, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById('facts').textContent + ' | ' + document.getElementById('legend').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(facts, "odd.txt") || !strings.Contains(facts, fmt.Sprintf("%d bytes", len(content))) || !strings.Contains(facts, "X = Invalid UTF-8") {
		t.Errorf("opened file: %q, want its name, %d bytes and an invalid-utf8 finding", facts, len(content))
	}
	if errs := b.jsErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

// A 1 MB paste is inspected and fully rendered without stalling the page.
func TestInspectorLargePaste(t *testing.T) {
	if testing.Short() {
		t.Skip("large paste skipped in -short mode")
	}
	b := startBrowser(t)
	s := newTest(t, Config{})
	base, _ := serveOn(t, s)
	fx := fixture(t)
	reps := (1 << 20) / len(fx)
	big := strings.Repeat(string(fx)+"\n", reps)

	err := chromedp.Do(b.ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("input")),
		chromedp.SetValue(chromedp.ID("input"), big),
	)
	if err != nil {
		t.Fatalf("1 MB paste: %v (page errors: %q)", err, b.jsErrors())
	}
	// Watch for long tasks: the page must keep answering while it renders.
	start := time.Now()
	err = chromedp.Do(b.ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`window.__longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({type: 'longtask'}); true`)(ctx, tg)
			return err
		}),
		chromedp.Click(chromedp.ID("inspect")),
		waitInspected(),
	)
	if err != nil {
		st, _ := read(b.ctx)
		t.Fatalf("1 MB paste: %v (page errors: %q; status %q, %d marks)", err, b.jsErrors(), st.Status, st.Marks)
	}
	elapsed := time.Since(start)
	st, err := read(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	longest, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`window.__longest`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("1 MB paste (%d bytes, %d copies): %v end to end; %s; longest main-thread task %.0f ms",
		len(big), reps, elapsed.Round(time.Millisecond), st.Status, longest)
	if !strings.HasPrefix(st.Status, "Inspected") {
		t.Fatalf("inspection failed: %q", st.Status)
	}
	if longest > 2000 {
		t.Errorf("the page was unresponsive for %.0f ms at a stretch", longest)
	}
	if st.AInMarks != 99*reps || st.AOutside != 0 {
		t.Errorf("%d U+0430 highlighted, %d not; want %d highlighted", st.AInMarks, st.AOutside, 99*reps)
	}
	if errs := b.jsErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

func firstDiff(got, want string) string {
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			lo := max(0, i-30)
			return fmt.Sprintf("at byte %d: got %q, want %q", i, got[lo:min(len(got), i+30)], want[lo:min(len(want), i+30)])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(got), len(want))
}
