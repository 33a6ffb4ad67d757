namespace Gangway.Store.PostgreSql.Sql;

/// <summary>
/// The schema, as numbered migrations applied in order on open. A migration is never edited once released: changes
/// are new migrations appended to <see cref="Steps"/>.
/// </summary>
internal static class PostgreSqlMigrations
{
    // Serialises concurrent opens (and so migrations) of stores in one database: "gangway" in ASCII.
    public const long AdvisoryLockKey = 0x67616e67776179;

    public const string Lock = "SELECT pg_advisory_xact_lock($1)";

    public const string CreateMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    public const string SelectApplied = "SELECT coalesce(max(version), 0) FROM schema_migrations";

    public const string InsertApplied = "INSERT INTO schema_migrations (version) VALUES ($1)";

    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE runs (
            seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            experiment text NOT NULL,
            name text NOT NULL,
            parent_run_id text REFERENCES runs (id),
            status text NOT NULL,
            started_at timestamptz NOT NULL,
            ended_at timestamptz,
            created_by text NOT NULL,
            lineage text);
        CREATE INDEX runs_by_experiment ON runs (experiment, started_at DESC, seq DESC);
        CREATE INDEX runs_by_parent ON runs (parent_run_id);
        CREATE TABLE run_params (
            run_id text NOT NULL REFERENCES runs (id),
            name text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (run_id, name));
        CREATE TABLE run_metrics (
            run_id text NOT NULL REFERENCES runs (id),
            name text NOT NULL,
            value double precision NOT NULL,
            PRIMARY KEY (run_id, name));
        CREATE TABLE run_tags (
            run_id text NOT NULL REFERENCES runs (id),
            name text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (run_id, name));
        CREATE TABLE run_artifacts (
            run_id text NOT NULL REFERENCES runs (id),
            name text NOT NULL,
            size bigint NOT NULL,
            sha256 text NOT NULL,
            content bytea NOT NULL,
            PRIMARY KEY (run_id, name));
        CREATE TABLE models (
            name text PRIMARY KEY,
            created_at timestamptz NOT NULL,
            latest_version integer NOT NULL DEFAULT 0);
        CREATE TABLE model_versions (
            model text NOT NULL REFERENCES models (name),
            version integer NOT NULL,
            run_id text NOT NULL,
            artifact text NOT NULL,
            sha256 text NOT NULL,
            created_at timestamptz NOT NULL,
            created_by text NOT NULL,
            PRIMARY KEY (model, version),
            FOREIGN KEY (run_id, artifact) REFERENCES run_artifacts (run_id, name));
        CREATE TABLE aliases (
            model text NOT NULL,
            alias text NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (model, alias),
            FOREIGN KEY (model, version) REFERENCES model_versions (model, version));
        CREATE TABLE alias_stack (
            model text NOT NULL,
            alias text NOT NULL,
            position integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (model, alias, position));
        CREATE TABLE alias_changes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            model text NOT NULL,
            alias text NOT NULL,
            version integer NOT NULL,
            previous_version integer,
            kind text NOT NULL,
            changed_at timestamptz NOT NULL,
            actor text NOT NULL,
            reason text);
        CREATE INDEX alias_changes_by_model ON alias_changes (model, alias, id);
        CREATE TABLE audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            actor text NOT NULL,
            action text NOT NULL,
            subject text NOT NULL,
            model text,
            details text NOT NULL,
            reason text);
        CREATE INDEX audit_by_model ON audit (model, id DESC);
        """,
        """
        CREATE TABLE evaluations (
            seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            run_id text NOT NULL REFERENCES runs (id),
            model text,
            version integer,
            data_name text NOT NULL,
            data_sha256 text NOT NULL,
            metrics text NOT NULL,
            evaluated_at timestamptz NOT NULL,
            evaluated_by text NOT NULL,
            FOREIGN KEY (model, version) REFERENCES model_versions (model, version));
        CREATE INDEX evaluations_by_run ON evaluations (run_id, seq DESC);
        """,
        """
        CREATE TABLE predictions (
            id text COLLATE "C" PRIMARY KEY,
            answer_id text COLLATE "C" NOT NULL,
            request_id text,
            scored_at timestamptz NOT NULL,
            source text NOT NULL,
            model text NOT NULL,
            version integer,
            bundle_hash text NOT NULL,
            variant text,
            is_shadow boolean NOT NULL,
            key text,
            inputs text NOT NULL,
            prediction text NOT NULL,
            probability double precision,
            latency_ms double precision NOT NULL);
        CREATE INDEX predictions_by_time ON predictions (scored_at, id);
        CREATE INDEX predictions_by_model ON predictions (model, scored_at, id);
        CREATE INDEX predictions_by_key ON predictions (key) WHERE key IS NOT NULL AND NOT is_shadow;
        CREATE TABLE feedback (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text NOT NULL UNIQUE,
            prediction_id text COLLATE "C" NOT NULL,
            label text,
            reward double precision,
            given_at timestamptz NOT NULL,
            source text NOT NULL);
        CREATE INDEX feedback_by_prediction ON feedback (prediction_id, seq);
        CREATE INDEX feedback_by_time ON feedback (given_at);
        """,
        """
        CREATE TABLE deployment_revisions (
            model text NOT NULL,
            revision integer NOT NULL,
            applied_at timestamptz NOT NULL,
            actor text NOT NULL,
            reason text,
            yaml text NOT NULL,
            PRIMARY KEY (model, revision));
        """,
        """
        CREATE TABLE prediction_counts (
            model text NOT NULL,
            minute timestamptz NOT NULL,
            variant text NOT NULL,
            is_shadow boolean NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (model, minute, variant, is_shadow));
        INSERT INTO prediction_counts (model, minute, variant, is_shadow, n)
        SELECT model, date_trunc('minute', scored_at, 'UTC'), coalesce(variant, ''), is_shadow, count(*) FROM predictions GROUP BY 1, 2, 3, 4;
        CREATE INDEX predictions_shadows_by_answer ON predictions (answer_id) WHERE is_shadow;
        """,
        """
        -- Every index on the prediction log costs each insert; the log's reads by model are exports that read the time
        -- range anyway (predictions_by_time, filtered by model). See the SQLite store's 0006.
        DROP INDEX IF EXISTS predictions_by_model;
        """,
        """
        -- The service's monitoring windows: a replica's time buckets per model, kind and variant ('' for none), replaced
        -- each time the replica saves them. Names in the C collation, so reads order them as the SQLite store does.
        CREATE TABLE monitoring_buckets (
            model text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            start_at timestamptz NOT NULL,
            variant text COLLATE "C" NOT NULL,
            replica text COLLATE "C" NOT NULL,
            end_at timestamptz NOT NULL,
            n bigint NOT NULL,
            saved_at timestamptz NOT NULL,
            state text NOT NULL,
            PRIMARY KEY (model, kind, start_at, variant, replica));
        CREATE INDEX monitoring_buckets_by_end ON monitoring_buckets (end_at);
        """,
    ];
}
