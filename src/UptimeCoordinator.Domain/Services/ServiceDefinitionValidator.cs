namespace UptimeCoordinator.Domain.Services;

/// <summary>
/// Checks a definition on its own. Whether its dependencies exist and form no cycle needs the whole
/// catalogue, which <see cref="DependencyGraph"/> decides.
/// </summary>
public static class ServiceDefinitionValidator
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxDependencies = 100;

    public static ValidationErrors Validate(ServiceDefinition definition)
    {
        var errors = new ValidationErrors();
        if (!ServiceId.IsValid(definition.Id))
        {
            errors.Add("id", $"must match {ServiceId.Pattern}");
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add("name", "is required");
        }
        else if (definition.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"must be at most {MaxNameLength} characters");
        }
        else if (!SingleLineText.IsSingleLine(definition.Name))
        {
            errors.Add("name", SingleLineText.Refusal);
        }

        if (definition.Description?.Length > MaxDescriptionLength)
        {
            errors.Add("description", $"must be at most {MaxDescriptionLength} characters");
        }

        if (definition.Group?.Length > MaxNameLength)
        {
            errors.Add("group", $"must be at most {MaxNameLength} characters");
        }
        else if (definition.Group is { } group && !SingleLineText.IsSingleLine(group))
        {
            errors.Add("group", SingleLineText.Refusal);
        }

        ValidateDependencies(definition, errors);
        ValidateDetection(definition.Detection, errors);
        return errors;
    }

    private static void ValidateDependencies(ServiceDefinition definition, ValidationErrors errors)
    {
        if (definition.DependsOn.Count > MaxDependencies)
        {
            errors.Add("dependsOn", $"must list at most {MaxDependencies} services");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.DependsOn.Count; i++)
        {
            var dependency = definition.DependsOn[i];
            if (!ServiceId.IsValid(dependency))
            {
                errors.Add($"dependsOn[{i}]", $"must be a service id matching {ServiceId.Pattern}");
            }
            else if (dependency == definition.Id)
            {
                errors.Add($"dependsOn[{i}]", "a service cannot depend on itself");
            }
            else if (!seen.Add(dependency))
            {
                errors.Add($"dependsOn[{i}]", $"'{dependency}' is listed twice");
            }
        }
    }

    private static void ValidateDetection(DetectionPolicy detection, ValidationErrors errors)
    {
        if (detection.FailureThreshold is < 1 or > DetectionPolicy.MaxThreshold)
        {
            errors.Add("detection.failureThreshold", $"must be between 1 and {DetectionPolicy.MaxThreshold}");
        }

        if (detection.RecoveryThreshold is < 1 or > DetectionPolicy.MaxThreshold)
        {
            errors.Add("detection.recoveryThreshold", $"must be between 1 and {DetectionPolicy.MaxThreshold}");
        }
    }
}
