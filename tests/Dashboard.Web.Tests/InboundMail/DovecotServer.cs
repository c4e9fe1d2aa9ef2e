using System.Diagnostics;
using System.Runtime.InteropServices;
using Dashboard.Web.Tests.Live;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Dashboard.Web.Tests.InboundMail;

/// <summary>
/// A real IMAP server: Debian's <c>dovecot-imapd</c> (<c>dovecot -F -c …</c>) on 127.0.0.1 and a free
/// port, with its own configuration, passwd-file users (plaintext login on loopback) and maildirs in
/// a temporary folder. It needs no root: run as a normal user it runs every process as that user;
/// run as root (CI containers) it uses the package's unprivileged <c>dovecot</c>/<c>dovenull</c> users,
/// because dovecot refuses to run its login and mail processes as root.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Password = "imap-test-secret";

    private Process? _process;
    private int _users;

    public int Port { get; } = FreePort.Next();
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dashboard-tests", "dovecot-" + Guid.NewGuid().ToString("N"));
    private string UsersFile => Path.Combine(Root, "users");
    private string MailRoot => Path.Combine(Root, "mail");
    private string LogFile => Path.Combine(Root, "dovecot.log");

    public static async Task<DovecotServer> StartAsync()
    {
        var server = new DovecotServer();
        server.Configure();
        await server.StartProcessAsync();
        return server;
    }

    [DllImport("libc")] private static extern uint geteuid();
    [DllImport("libc")] private static extern uint getegid();

    private static bool IsRoot => geteuid() == 0;

    private void Configure()
    {
        Directory.CreateDirectory(Path.Combine(Root, "run"));
        Directory.CreateDirectory(Path.Combine(Root, "state"));
        Directory.CreateDirectory(MailRoot);
        File.WriteAllText(UsersFile, "");
        string internalUser, internalGroup, loginUser;
        if (IsRoot)
        {
            (internalUser, internalGroup, loginUser) = ("dovecot", "dovecot", "dovenull");
            // The mail processes run as the dovecot user and create each maildir themselves.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(MailRoot, (UnixFileMode)0b111_111_111);
        }
        else
        {
            internalUser = loginUser = Environment.UserName;
            internalGroup = Id("-gn");
        }
        File.WriteAllText(Path.Combine(Root, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{Root}}/run
            state_dir = {{Root}}/state
            log_path = {{LogFile}}
            info_log_path = {{LogFile}}
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_internal_group = {{internalGroup}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            mail_location = maildir:{{MailRoot}}/%u
            # Notice new mail in IDLE at once even where inotify is unavailable.
            mailbox_idle_check_interval = 1 secs
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{UsersFile}}
            }
            userdb {
              driver = passwd-file
              args = username_format=%u {{UsersFile}}
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            """);
    }

    /// <summary>A new mailbox user (dovecot re-reads the passwd-file when it changes).</summary>
    public string AddUser()
    {
        var name = $"inbound{Interlocked.Increment(ref _users)}";
        var (uid, gid) = IsRoot ? (uint.Parse(Id("-u", "dovecot")), uint.Parse(Id("-g", "dovecot"))) : (geteuid(), getegid());
        File.AppendAllText(UsersFile, $"{name}:{{PLAIN}}{Password}:{uid}:{gid}::{MailRoot}/{name}\n");
        return name;
    }

    /// <summary><c>id {flag} [user]</c>: a user's or group's number or name.</summary>
    private static string Id(string flag, string? user = null)
    {
        var psi = new ProcessStartInfo("id") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(flag);
        if (user is not null) psi.ArgumentList.Add(user);
        using var id = Process.Start(psi)!;
        var output = id.StandardOutput.ReadToEnd();
        id.WaitForExit();
        return output.Trim();
    }

    /// <summary>(Re)starts dovecot on the same port and mail (after <see cref="Stop"/>: an outage).</summary>
    public async Task StartProcessAsync()
    {
        var exe = File.Exists("/usr/sbin/dovecot") ? "/usr/sbin/dovecot" : "dovecot";
        var psi = new ProcessStartInfo(exe)
        {
            ArgumentList = { "-F", "-c", Path.Combine(Root, "dovecot.conf") },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("dovecot did not start");
        var started = _process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { if (!started.HasExited) started.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await FreePort.WaitOpenAsync(Port, TimeSpan.FromSeconds(20));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"dovecot did not listen on {Port}: {Log()}", e);
        }
    }

    public void Stop()
    {
        if (_process is null) return;
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        _process = null;
    }

    public string Log() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";

    /// <summary>A client logged in as <paramref name="user"/>, as a mail client would be.</summary>
    public async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>Delivers <paramref name="raw"/> into the user's INBOX with IMAP APPEND, unseen.</summary>
    public async Task AppendAsync(string user, byte[] raw, string folder = "INBOX")
    {
        using var client = await ConnectAsync(user);
        var target = await client.GetFolderAsync(folder);
        await target.AppendAsync(new AppendRequest(MimeMessage.Load(new MemoryStream(raw))));
        await client.DisconnectAsync(quit: true);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
