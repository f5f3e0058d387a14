# The Windows bundle: a one-folder build zipped. PREPARED, NEVER RUN HERE (no Windows machine): see
# packaging/bundle/README.md, "Windows and macOS".
#
#   powershell -ExecutionPolicy Bypass -File packaging\bundle\build-windows.ps1
#
# Needs: Windows 10 or 11, 64-bit; Python 3.11 (the py launcher, or python on PATH); VLC 3.0 64-bit
# (`choco install vlc`), in C:\Program Files\VideoLAN\VLC or in the folder VLC_DIR names.
#
# 1. a build venv (build\bundle\venv-windows) with the versions in packaging\constraints.txt;
# 2. PyInstaller (customer-room.spec): customer-room\customer-room.exe, with libvlc.dll, libvlccore.dll and
#    the plugins of vlc-plugins.txt (.dll) copied from VLC_DIR into customer-room\_internal\vlc\;
# 3. libVLC's plugin cache (VLC_DIR\vlc-cache-gen.exe, when VLC has it);
# 4. `customer-room doctor` run from the bundle (offscreen): a failing doctor fails the build;
# 5. build\bundle\customer-room-VERSION-windows-x64.zip. No installer, and nothing is signed: the
#    executable is unsigned, so SmartScreen warns at its first start (signing needs a code-signing
#    certificate, which this project does not have).
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$here = $PSScriptRoot
$root = (Resolve-Path "$here\..\..").Path
$out = Join-Path $root "build\bundle"
Set-Location $root

if (-not $env:VLC_DIR) { $env:VLC_DIR = "C:\Program Files\VideoLAN\VLC" }
if (-not (Test-Path (Join-Path $env:VLC_DIR "libvlccore.dll"))) {
    throw "No libVLC in $($env:VLC_DIR): choco install vlc (VLC 3.0, 64-bit), or set VLC_DIR to its folder."
}
$version = (Select-String -Path "customer_room_desktop\__init__.py" -Pattern '^__version__ = "(.*)"').Matches[0].Groups[1].Value

function Invoke-Checked {  # Invoke-Checked PROGRAM ARGUMENTS...: run it; a non-zero exit stops the build
    $program = $args[0]
    $arguments = @($args | Select-Object -Skip 1)
    & $program @arguments
    if ($LASTEXITCODE -ne 0) { throw "$program $($arguments -join ' ') failed (exit $LASTEXITCODE)" }
}

Write-Host "== Customer Room $version`: build venv ($out\venv-windows)"
New-Item -ItemType Directory -Force -Path $out | Out-Null
$venv = Join-Path $out "venv-windows"
$python = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $python)) {
    if (Get-Command py -ErrorAction SilentlyContinue) { Invoke-Checked py -3.11 -m venv $venv }
    else { Invoke-Checked python -m venv $venv }
}
Invoke-Checked $python -m pip install -q --upgrade "pip>=24"
Invoke-Checked $python -m pip install -q -c packaging\constraints.txt ".[bundle]"

Write-Host "== PyInstaller"
$dist = Join-Path $out "dist-windows"
$work = Join-Path $out "work-windows"
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $dist, $work
Invoke-Checked (Join-Path $venv "Scripts\pyinstaller.exe") --noconfirm --log-level WARN --distpath $dist `
    --workpath $work (Join-Path $here "customer-room.spec")
$app = Join-Path $dist "customer-room"

$cacheGen = Join-Path $env:VLC_DIR "vlc-cache-gen.exe"
if (Test-Path $cacheGen) {
    Write-Host "== libVLC plugin cache"
    Invoke-Checked $cacheGen (Join-Path $app "_internal\vlc\plugins")
}

Write-Host "== customer-room doctor, from the bundle"
$scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("customer-room-" + [guid]::NewGuid())
$env:QT_QPA_PLATFORM = "offscreen"
$env:CUSTOMER_ROOM_DATA_DIR = Join-Path $scratch "data"
Remove-Item Env:PYTHONPATH, Env:CUSTOMER_ROOM_VLC_DIR -ErrorAction SilentlyContinue
try { Invoke-Checked (Join-Path $app "customer-room.exe") doctor }
finally {
    Remove-Item Env:QT_QPA_PLATFORM, Env:CUSTOMER_ROOM_DATA_DIR -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $scratch
}

Write-Host "== archive"
$zip = Join-Path $out "customer-room-$version-windows-x64.zip"
Remove-Item -Force -ErrorAction SilentlyContinue $zip
Compress-Archive -Path $app -DestinationPath $zip -CompressionLevel Optimal
$installed = (Get-ChildItem -Recurse -File $app | Measure-Object -Property Length -Sum).Sum
"{0:N1} MB  installed (the folder)" -f ($installed / 1e6)
"{0:N1} MB  {1}" -f ((Get-Item $zip).Length / 1e6), $zip
