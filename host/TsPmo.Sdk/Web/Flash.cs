using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TsPmo.Sdk.Web;

/// <summary>One-shot messages shown at the top of the next page (post-redirect-get).</summary>
public static class Flash
{
    public const string SuccessKey = "flash.success";
    public const string ErrorKey = "flash.error";

    public static void Success(this ITempDataDictionary tempData, string message) => tempData[SuccessKey] = message;

    public static void Error(this ITempDataDictionary tempData, string message) => tempData[ErrorKey] = message;
}
