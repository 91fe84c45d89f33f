package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/plainsight/plainsight/report"
)

// metrics are per Server (their own registry), so that several servers in
// one process, as in tests, do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inflight prometheus.Gauge
	bytes    prometheus.Counter
	findings *prometheus.CounterVec
	verdicts *prometheus.CounterVec
	rejected *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plainsight_http_requests_total",
			Help: "HTTP requests by route, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "plainsight_http_request_duration_seconds",
			Help:    "Time from routing a request to the end of its handler, by route.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "plainsight_scans_in_flight",
			Help: "Scans running now.",
		}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "plainsight_scanned_bytes_total",
			Help: "Bytes of text scanned.",
		}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plainsight_findings_total",
			Help: "Findings reported, by kind.",
		}, []string{"kind"}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plainsight_verdicts_total",
			Help: "Documents scanned, by verdict.",
		}, []string{"verdict"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "plainsight_rejected_requests_total",
			Help: "Requests refused before scanning, by reason.",
		}, []string{"reason"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.inflight, m.bytes, m.findings, m.verdicts, m.rejected,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Known label values start at zero so that dashboards see them.
	for _, k := range report.Kinds() {
		m.findings.WithLabelValues(string(k.Kind))
	}
	for _, v := range []report.Verdict{report.Clean, report.Suspicious, report.Disguised} {
		m.verdicts.WithLabelValues(string(v))
	}
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch:
	default:
		method = "other" // bounded label values
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// scanned records what a scan found. Counts come from the summary, which
// also counts findings beyond the stored cap.
func (m *metrics) scanned(rep *report.Report) {
	if rep == nil {
		return
	}
	m.bytes.Add(float64(rep.Summary.Bytes))
	for k, n := range rep.Summary.Counts {
		if n > 0 {
			if !k.Valid() {
				k = "other"
			}
			m.findings.WithLabelValues(string(k)).Add(float64(n))
		}
	}
	v := rep.Summary.Verdict
	switch v {
	case report.Clean, report.Suspicious, report.Disguised:
	default:
		v = "other"
	}
	m.verdicts.WithLabelValues(string(v)).Inc()
}
