using System.Linq.Expressions;

namespace Gongkai.Platform.Staff;

/// <summary>
/// Filters a query to the organs of a scope with a condition the database can use an index for. Writing
/// <c>scope.All || ids.Contains(x.OrganId)</c> inside the query sends the flag as a parameter, and
/// <c>@all OR "OrganId" IN (…)</c> cannot be answered from an index on the organ: every row is read.
/// </summary>
public static class ScopeFilter
{
    public static IQueryable<T> Within<T>(this IQueryable<T> query, OrganScope scope, Expression<Func<T, Guid>> organ)
    {
        if (scope.All)
        {
            return query;
        }

        var parameter = organ.Parameters[0];
        Expression condition;
        if (scope.OrganIds.Count == 1)
        {
            condition = Expression.Equal(organ.Body, Expression.Constant(scope.OrganIds.First()));
        }
        else
        {
            var ids = scope.OrganIds.ToList();
            condition = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(ids), organ.Body);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(condition, parameter));
    }
}
