using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Gangway.Cli.Tests.Replicas;

/// <summary>
/// A private nginx in front of the replicas: its own configuration, pid, logs and temporary files in a temporary folder,
/// in the foreground (<c>daemon off</c>) as a child of the test, round-robin over the upstreams, listening on a free port.
/// Every answer names the replica that gave it in the <c>X-Upstream</c> header (nginx's <c>$upstream_addr</c>).
/// Never the system's nginx: nothing under /etc or /var is read or written.
/// </summary>
internal sealed class Nginx : IAsyncDisposable
{
    public const string UpstreamHeader = "X-Upstream";

    private static readonly string[] KnownLocations = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"];
    private readonly Process _process;
    private readonly string _prefix;

    private Nginx(Process process, string prefix, Uri address)
    {
        _process = process;
        _prefix = prefix;
        Address = address;
    }

    /// <summary>Where nginx listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The nginx executable on PATH or where Debian installs it, or null when there is none.</summary>
    public static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "nginx"))
            .Concat(KnownLocations)
            .FirstOrDefault(File.Exists);

    /// <summary>The configuration used: one upstream of <paramref name="upstreams"/> (round-robin) behind <paramref name="port"/>.</summary>
    public static string Configuration(string prefix, int port, IEnumerable<Uri> upstreams, bool asRoot)
    {
        var servers = string.Concat(upstreams.Select(u => $"        server {u.Host}:{u.Port.ToString(CultureInfo.InvariantCulture)};\n"));
        // As root nginx would hand the workers to 'nobody', who may not enter the private temporary folder.
        var user = asRoot ? "user root;\n" : "";
        return $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                upstream gangway {
            {{servers}}        keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    client_max_body_size 1m;
                    location / {
                        proxy_pass http://gangway;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        add_header {{UpstreamHeader}} $upstream_addr always;
                    }
                }
            }

            """;
    }

    /// <summary>Starts nginx in front of <paramref name="upstreams"/> and waits until it accepts connections.</summary>
    public static async Task<Nginx> StartAsync(IReadOnlyList<Uri> upstreams)
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException(
            "nginx is not installed although CI is set: .ci/run installs it (apt-get install nginx).");
        var prefix = Directory.CreateTempSubdirectory("gangway-nginx-").FullName;
        var port = FreePort.Next();
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, Configuration(prefix, port, upstreams, Environment.UserName == "root"));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -e: the log for messages before the configuration is read (the default is under /var/log).
        foreach (var argument in (string[])["-p", prefix + "/", "-c", config, "-e", Path.Combine(prefix, "startup.log")])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var nginx = new Nginx(process, prefix, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                var log = nginx.Log();
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx exited with {process.ExitCode} at start:\n{log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return nginx;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await nginx.DisposeAsync();
        throw new InvalidOperationException("nginx did not listen within 10 s.");
    }

    /// <summary>What nginx logged, for a failure message.</summary>
    public string Log() => string.Join("\n", new[] { "startup.log", "error.log" }
        .Select(name => Path.Combine(_prefix, name))
        .Where(File.Exists)
        .Select(File.ReadAllText));

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAsync(_process);
        Directory.Delete(_prefix, recursive: true);
    }
}
