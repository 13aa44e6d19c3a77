using System.Runtime.InteropServices;

using Microsoft.Win32.SafeHandles;

namespace Gongbao.Application;

/// <summary>The inputs of an ingest run: files to read, and what a directory scan skipped and why.</summary>
public sealed record InputSet(IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// Reading gazette files safely: only regular files, opened without blocking (a FIFO or device in an
/// inbox must not hang a request thread), at most a given size, and directory scans that do not follow
/// symbolic links out of the directory.
/// </summary>
public static partial class SourceFiles
{
    /// <summary>
    /// Expands the arguments: a file is taken as named (checked when read), a directory contributes its
    /// <c>*.txt</c> regular files (recursively, ordinal order). Symbolic links leading outside the directory,
    /// linked directories and anything that is not a regular file are skipped and listed.
    /// </summary>
    public static InputSet ExpandInputs(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                var realRoot = Directory.ResolveLinkTarget(root, returnFinalTarget: true)?.FullName ?? root;
                Scan(root, realRoot, files, skipped);
            }
            else
            {
                files.Add(path);
            }
        }

        return new InputSet(files, skipped);
    }

    private static void Scan(string directory, string realRoot, List<string> files, List<string> skipped)
    {
        var found = new List<string>();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo sub)
            {
                if (sub.LinkTarget is not null)
                {
                    skipped.Add($"{sub.FullName}: a symbolic link to a directory (not followed)");
                }
                else
                {
                    Scan(sub.FullName, realRoot, found, skipped);
                }

                continue;
            }

            if (!entry.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var target = entry.FullName;
            if (entry.LinkTarget is not null)
            {
                var final = entry.ResolveLinkTarget(returnFinalTarget: true);
                if (final is null || !final.FullName.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    skipped.Add($"{entry.FullName}: a symbolic link leading outside {realRoot}");
                    continue;
                }

                target = final.FullName;
            }

            if (!IsRegularFile(target))
            {
                skipped.Add($"{entry.FullName}: not a regular file");
                continue;
            }

            found.Add(entry.FullName);
        }

        files.AddRange(found.Order(StringComparer.Ordinal));
    }

    /// <summary>True for an existing regular file (false for directories, FIFOs, sockets, devices), decided without blocking.</summary>
    public static bool IsRegularFile(string path)
    {
        try
        {
            using var stream = OpenNonBlocking(path);
            return stream.CanSeek;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a regular file of at most <paramref name="maxBytes"/> bytes. Throws <see cref="SourceFileException"/>
    /// for anything else (missing, a directory, a FIFO or device, too large, unreadable).
    /// </summary>
    public static byte[] Read(string path, long maxBytes)
    {
        if (Directory.Exists(path))
        {
            throw new SourceFileException("is a directory without *.txt files");
        }

        if (!File.Exists(path))
        {
            throw new SourceFileException("no such file");
        }

        try
        {
            using var stream = OpenNonBlocking(path);
            if (!stream.CanSeek)
            {
                throw new SourceFileException("is not a regular file (a FIFO, socket or device); only regular files are read");
            }

            if (stream.Length > maxBytes)
            {
                throw new SourceFileException($"is {stream.Length:N0} bytes, above the limit of {maxBytes:N0} bytes for one source");
            }

            using var buffer = new MemoryStream((int)stream.Length);
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceFileException(ex.Message);
        }
    }

    private const int ReadOnlyNonBlocking = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC (Linux)

    private static FileStream OpenNonBlocking(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        // .NET opens files blocking: open(2) on a FIFO waits for a writer. O_NONBLOCK returns at once; on
        // regular files it changes nothing.
        var fd = OpenFile(path, ReadOnlyNonBlocking);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == 13 ? new UnauthorizedAccessException($"permission denied: {path}") : new IOException($"cannot open {path} (errno {errno})");
        }

        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags);
}

/// <summary>A source file that cannot be read as a gazette file (the message says why).</summary>
public sealed class SourceFileException(string message) : Exception(message);
