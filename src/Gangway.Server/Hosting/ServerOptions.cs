using Gangway.Hosting;

namespace Gangway.Server.Hosting;

/// <summary>
/// Settings of the prediction service, bound from the <c>Gangway</c> configuration section (appsettings.json,
/// environment variables such as <c>Gangway__Model</c>, or command-line arguments such as <c>--Gangway:Model</c>) and
/// checked at start-up by <see cref="ServerOptionsValidator"/>.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Gangway";

    /// <summary>The default <see cref="MaxBodyBytes"/>: 1 MiB, about 5,000 Titanic records as JSON.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The default <see cref="RefreshSeconds"/>.</summary>
    public const int DefaultRefreshSeconds = 5;

    /// <summary>The default <see cref="AccessLogQueueSize"/>.</summary>
    public const int DefaultAccessLogQueueSize = 10_000;

    /// <summary>The default <see cref="LogRetention"/>.</summary>
    public const string DefaultLogRetention = "30d";

    /// <summary>The default <see cref="LogQueueSize"/>.</summary>
    public const int DefaultLogQueueSize = 100_000;

    /// <summary>The default <see cref="LogWriterShare"/>.</summary>
    public const double DefaultLogWriterShare = 1;

    /// <summary>The default <see cref="ShadowQueueSize"/>.</summary>
    public const int DefaultShadowQueueSize = 1_000;

    /// <summary>The default <see cref="OnlineMetricsSeconds"/>.</summary>
    public const int DefaultOnlineMetricsSeconds = 60;

    /// <summary>The default <see cref="MonitoringQueueSize"/>.</summary>
    public const int DefaultMonitoringQueueSize = 10_000;

    /// <summary>The shortest <see cref="AdminApiKey"/> accepted.</summary>
    public const int MinAdminApiKeyLength = 16;

    /// <summary>
    /// What to serve: the path of a model bundle (.gwb), or a registry reference such as <c>titanic@champion</c> (an
    /// alias, followed while the service runs) or <c>titanic:3</c> (one version) in <see cref="Store"/>. An existing file
    /// wins over a reference of the same spelling. Required unless <see cref="Deployment"/> is set, and then not allowed.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>
    /// A deployment to serve instead of one model: the name of a deployed model in <see cref="Store"/> (its current
    /// revision, applied by <c>gangway deploy apply</c>), or a deployment file (<c>.yaml</c>/<c>.yml</c>). Its variants
    /// answer requests by weight and sticky key, its shadows score off the hot path; it is read again every
    /// <c>refresh</c> of the deployment, so changed weights, variants and shadows take effect without a restart. Optional.
    /// </summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// The store a registry reference is resolved in and the admin endpoints change, as a URI (e.g.
    /// <c>sqlite:.gangway/gangway.db</c>); default <c>GANGWAY_STORE</c>, else <c>sqlite:.gangway/gangway.db</c>.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>How often, in seconds, an alias reference is resolved again to follow promotions and rollbacks. Default 5; 1 to 3600.</summary>
    public int RefreshSeconds { get; set; } = DefaultRefreshSeconds;

    /// <summary>
    /// The key the admin endpoints (<c>/admin/reload</c>, <c>/admin/promote</c>, <c>/admin/rollback</c>) require in the
    /// <c>X-Api-Key</c> header; at least 16 characters. Without it those endpoints do not exist.
    /// </summary>
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// The labelled CSV that <c>/admin/promote</c> evaluates the promotion gates on, instead of the spec's
    /// <c>promotion.data</c> (which is relative to the spec file on the machine that trained the version). Optional.
    /// </summary>
    public string? PromotionData { get; set; }

    /// <summary>The largest request body accepted, in bytes; larger bodies are answered with 413. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>The deepest JSON nesting accepted; deeper bodies are answered with 400. Default 8 (a split body needs 3).</summary>
    public int MaxJsonDepth { get; set; } = 8;

    /// <summary>The longest string value accepted in a record, in characters; longer values are answered with 400. Default 10,000.</summary>
    public int MaxStringLength { get; set; } = 10_000;

    /// <summary>
    /// How console logs and access lines are written: <c>text</c> (the default, one readable line per event) or
    /// <c>json</c> (one JSON object per line, for log collectors).
    /// </summary>
    public string LogFormat { get; set; } = LogFormats.Text;

    /// <summary>
    /// How many access lines may wait for the output; when that many are waiting (the output is slow or stalled), further
    /// lines are dropped and counted in <c>gangway_access_log_dropped_total</c> instead of holding up requests. Default
    /// 10,000; 1 to 1,000,000.
    /// </summary>
    public int AccessLogQueueSize { get; set; } = DefaultAccessLogQueueSize;

    /// <summary>
    /// Where the service logs every record it answers (and what its shadows score): <c>store</c> (the service's store,
    /// <see cref="Store"/>), <c>none</c>, or <c>jsonl:&lt;folder&gt;</c> (JSON Lines files in that folder). Default: <c>store</c>
    /// when the host registered store kinds (as <c>gangway serve</c> does), else <c>none</c>.
    /// </summary>
    public string? PredictionLog { get; set; }

    /// <summary>
    /// How long logged predictions and feedback are kept in the store: older ones are deleted at start and every hour, and feedback for an older prediction is counted late, not recorded.
    /// A duration such as <c>30d</c>, <c>24h</c> (see <see cref="Durations"/>). Default <c>30d</c>.
    /// </summary>
    public string LogRetention { get; set; } = DefaultLogRetention;

    /// <summary>
    /// How many answered records may wait for the prediction log; past that, further records are dropped and counted in
    /// <c>gangway_prediction_log_dropped_total</c> rather than holding up requests. A process killed outright loses at
    /// most this many plus one batch in flight. Default 100,000; 1 to 10,000,000.
    /// </summary>
    public int LogQueueSize { get; set; } = DefaultLogQueueSize;

    /// <summary>
    /// The largest share of one core the prediction log's writer may keep busy (see
    /// <see cref="Gangway.PredictionLog.PredictionLogWriterOptions.MaxBusyShare"/>): at a peak the log cannot keep up with,
    /// it drops and counts records rather than taking the cores the answers need. Default 1 (no limit); above 0. A
    /// limit trades log records for answers at peaks: see docs/deployments.md for what 0.6 did on 2 cores.
    /// </summary>
    public double LogWriterShare { get; set; } = DefaultLogWriterShare;

    /// <summary>
    /// How many answers may wait for each shadow model; past that, the shadow skips them and counts
    /// <c>gangway_shadow_skipped_total</c>. Default 1,000; 1 to 1,000,000.
    /// </summary>
    public int ShadowQueueSize { get; set; } = DefaultShadowQueueSize;

    /// <summary>
    /// How often, in seconds, the online metrics gauges are computed again from the store and the deployment's
    /// <c>decide: auto</c> rules are acted on; off the request path. Default 60; 5 to 86,400.
    /// </summary>
    public int OnlineMetricsSeconds { get; set; } = DefaultOnlineMetricsSeconds;

    /// <summary>
    /// Whether the service monitors what it answers (data quality per variant, <c>GET /monitoring/quality</c>), off the
    /// request path and whatever <see cref="PredictionLog"/> says. Default true.
    /// </summary>
    public bool Monitoring { get; set; } = true;

    /// <summary>
    /// How many answers may wait for the in-server monitoring; past that, further answers are not counted and their
    /// records are counted in <c>gangway_monitoring_skipped_total</c> instead. Default 10,000; 1 to 1,000,000.
    /// </summary>
    public int MonitoringQueueSize { get; set; } = DefaultMonitoringQueueSize;
}
