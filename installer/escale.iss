; Inno Setup script: wraps dist/Escale (built by PyInstaller on Windows) into EscaleSetup.exe.
; Per-user install (no administrator rights needed on a CCAS laptop), French wizard.
[Setup]
AppName=Escale
AppVersion=0.1.0
AppPublisher=Escale (logiciel libre)
DefaultDirName={localappdata}\Programs\Escale
DefaultGroupName=Escale
PrivilegesRequired=lowest
OutputBaseFilename=EscaleSetup
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Files]
Source: "..\dist\Escale\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\Escale"; Filename: "{app}\Escale.exe"
Name: "{userdesktop}\Escale"; Filename: "{app}\Escale.exe"

[Run]
Filename: "{app}\Escale.exe"; Description: "Lancer Escale"; Flags: postinstall nowait
