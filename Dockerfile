# syntax=docker/dockerfile:1

# The one runnable process (HTTP API co-hosted with an Orleans silo). docker-compose.yml builds it as
# uptime-coordinator:latest, and k8s/ runs that same image.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the files that decide it before the code arrives, so that a change to code alone reuses the
# restored layer. Every project the host builds needs its project file here (DockerfileTests checks it).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/UptimeCoordinator.Domain/UptimeCoordinator.Domain.csproj src/UptimeCoordinator.Domain/
COPY src/UptimeCoordinator.Contracts/UptimeCoordinator.Contracts.csproj src/UptimeCoordinator.Contracts/
COPY src/UptimeCoordinator.Delivery/UptimeCoordinator.Delivery.csproj src/UptimeCoordinator.Delivery/
COPY src/UptimeCoordinator.Grains/UptimeCoordinator.Grains.csproj src/UptimeCoordinator.Grains/
COPY src/UptimeCoordinator.Host/UptimeCoordinator.Host.csproj src/UptimeCoordinator.Host/
RUN dotnet restore src/UptimeCoordinator.Host

COPY src/ src/
# The demo keys are for `dotnet run` on a developer's machine: they never ship in the image.
RUN dotnet publish src/UptimeCoordinator.Host -c Release -o /app --no-restore \
 && rm -f /app/appsettings.Development.json

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# A fixed unprivileged uid that k8s/ can name in runAsUser. It owns nothing in /app: the files stay read-only.
RUN groupadd --gid 10001 coordinator \
 && useradd --uid 10001 --gid coordinator --no-create-home --home-dir /app --shell /usr/sbin/nologin coordinator

WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_URLS=http://+:8080
# HTTP API, probes and /metrics; Orleans silo-to-silo; Orleans gateway (Orleans:SiloPort and :GatewayPort).
EXPOSE 8080 11111 30000

USER 10001

# The runtime image has no curl or wget, and installing one only for this would add a package to patch.
# bash's /dev/tcp sends the request instead: healthy when /healthz answers 200 (the process is alive).
# Compose overrides this with /readyz; Kubernetes ignores HEALTHCHECK and uses its own probes.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "UptimeCoordinator.Host.dll"]
