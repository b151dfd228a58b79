using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace NtmWorkflow.Web.Data;

/// <summary>Combines the predicates a rule is written in once, so that queries extend the rule instead of restating it.</summary>
public static class Predicates
{
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> first, Expression<Func<T, bool>> second) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.OrElse(first.Body, ReplacingExpressionVisitor.Replace(second.Parameters[0], first.Parameters[0], second.Body)),
            first.Parameters);
}
