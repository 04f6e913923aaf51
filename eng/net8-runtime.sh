#!/usr/bin/env bash
# Lays out a private .NET root that has the .NET 8 runtime next to this machine's own SDK, so that
# net8.0 test projects run on a real .NET 8 testhost (the machine itself has only the newest runtime,
# and DOTNET_ROLL_FORWARD would run them on that one instead).
#
#   eng/net8-runtime.sh            prints the root: run `<root>/dotnet test ...` with DOTNET_ROOT=<root>
#
# The .NET 8 runtime comes from the runtime packs in the machine's NuGet source
# (Microsoft.NETCore.App.Runtime.linux-x64, Microsoft.AspNetCore.App.Runtime.linux-x64), the version
# the SDK itself names as the latest 8.0 runtime. Everything else (host, host/fxr, sdk/, the SDK's
# own runtime, packs/) is taken from the installed SDK, hard-linked where the file system allows.
# The result is cached under artifacts/ (git-ignored): a second call only checks a stamp.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
installed="$(dirname "$(readlink -f "$(command -v dotnet)")")"
sdk_version="$(dotnet --version)"
bundled="$installed/sdk/$sdk_version/Microsoft.NETCoreSdk.BundledVersions.props"

# The SDK's own idea of the newest 8.0 runtime, unless the caller names one.
runtime_version="${NET8_RUNTIME_VERSION:-}"
if [[ -z "$runtime_version" ]]; then
  runtime_version="$(grep -o 'LatestRuntimeFrameworkVersion="8\.0\.[0-9]*"' "$bundled" | head -n 1 | cut -d '"' -f 2)"
fi
if [[ -z "$runtime_version" ]]; then
  echo "net8-runtime: the SDK $sdk_version names no 8.0 runtime; set NET8_RUNTIME_VERSION" >&2
  exit 1
fi

root="$repo/artifacts/dotnet8"
stamp="$root/.layout"
wanted="runtime=$runtime_version sdk=$sdk_version host=$installed"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "$root"
  exit 0
fi

work="$repo/artifacts/net8-runtime-download"
rm -rf "$root" "$work"
mkdir -p "$work" "$root/shared"

# Hard links cost neither time nor space; a plain copy where they are not possible.
copy_tree() {
  mkdir -p "$(dirname "$2")"
  cp -al "$1" "$2" 2>/dev/null || { rm -rf "$2"; cp -a "$1" "$2"; }
}

# The host must be a real file (not a symlink): it finds its root from its own path.
cp "$installed/dotnet" "$root/dotnet"
copy_tree "$installed/host" "$root/host"
copy_tree "$installed/sdk" "$root/sdk"
[[ -d "$installed/sdk-manifests" ]] && copy_tree "$installed/sdk-manifests" "$root/sdk-manifests"
[[ -d "$installed/packs" ]] && copy_tree "$installed/packs" "$root/packs"
for framework in "$installed"/shared/*/; do
  copy_tree "$framework" "$root/shared/$(basename "$framework")"
done

# The ordinary NuGet client, with the machine's configured source, fetches the two runtime packs.
cat > "$work/download.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net$(echo "$sdk_version" | cut -d . -f 1-2)</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Microsoft.NETCore.App.Runtime.linux-x64" Version="[$runtime_version]" />
    <PackageDownload Include="Microsoft.AspNetCore.App.Runtime.linux-x64" Version="[$runtime_version]" />
  </ItemGroup>
</Project>
EOF
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$work/Directory.Packages.props"
NUGET_PACKAGES="$work/packages" dotnet restore "$work/download.csproj" -v:q -nologo >&2

# A shared framework folder is the pack's lib and native files side by side (the pack brings the
# framework's deps.json and runtimeconfig among them).
for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  pack="$work/packages/$(echo "$framework.Runtime.linux-x64" | tr '[:upper:]' '[:lower:]')/$runtime_version/runtimes/linux-x64"
  target="$root/shared/$framework/$runtime_version"
  mkdir -p "$target"
  cp "$pack"/lib/net8.0/* "$target/"
  if [[ -d "$pack/native" ]]; then
    cp "$pack"/native/* "$target/"
  fi
done

rm -rf "$work"
echo "$wanted" > "$stamp"
echo "$root"
