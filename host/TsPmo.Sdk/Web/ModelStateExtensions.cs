using Microsoft.AspNetCore.Mvc.ModelBinding;
using TsPmo.Sdk.Data;

namespace TsPmo.Sdk.Web;

public static class ModelStateExtensions
{
    /// <summary>Shows a service's validation messages next to the matching fields of a bound model (<c>Input.Email</c>).</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainValidationException ex, string prefix = "Input")
    {
        foreach (var (field, messages) in ex.Errors)
        {
            var key = field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages) modelState.AddModelError(key, message);
        }
    }
}
