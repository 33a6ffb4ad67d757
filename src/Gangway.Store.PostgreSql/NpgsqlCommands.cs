using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Commands with positional parameters (<c>$1</c>, <c>$2</c>, ...), run by <see cref="PostgreSqlSession"/>, and column readers.</summary>
internal static class NpgsqlCommands
{
    /// <summary>A command on <paramref name="connection"/> (in its open transaction, if any) with the values as <c>$1</c>, <c>$2</c>, ...</summary>
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>A nullable text column.</summary>
    public static string? StringOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable integer column.</summary>
    public static int? Int32OrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>A timestamptz column as UTC.</summary>
    public static DateTimeOffset Timestamp(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
