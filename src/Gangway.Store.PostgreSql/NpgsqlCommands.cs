using Npgsql;

namespace Gangway.Store.PostgreSql;

/// <summary>Commands with positional parameters (<c>$1</c>, <c>$2</c>, ...), the form the SQL files use.</summary>
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

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public static int Execute(this NpgsqlConnection connection, string sql, params object?[] values)
    {
        using var command = connection.Command(sql, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or default when there is no row (or it is null).</summary>
    public static T? Scalar<T>(this NpgsqlConnection connection, string sql, params object?[] values)
    {
        using var command = connection.Command(sql, values);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Reads every row with <paramref name="read"/>.</summary>
    public static List<T> Query<T>(this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, params object?[] values)
    {
        using var command = connection.Command(sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
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
