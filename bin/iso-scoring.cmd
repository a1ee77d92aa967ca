@echo off
rem The command-line tool on Windows, started as bin/iso-scoring starts it on Linux and macOS: with an application
rem class-data-sharing archive (AppCDS) and the quick JIT compiler only (-XX:TieredStopAtLevel=1), except for
rem `serve`, which runs for long; JAVA_OPTS is added last, so it can override both. Java: %JAVA_HOME%\bin\java.exe,
rem else java on the PATH. The jar: ..\lib\iso-scoring.jar in the release archive, ..\rules-cli\target\iso-scoring.jar
rem in the repository. The first `evaluate` makes the archive next to the jar, or, where that folder cannot be
rem written, in %LOCALAPPDATA%\iso-scoring; where it cannot be made or used, Java starts without it, silently.
rem Unlike bin/iso-scoring it does not compare the archive's date with the jar's: Java itself ignores an archive
rem made for another jar (delete the folder's .jsa files after replacing the jar by hand to make them anew).
rem Keep the JVM options alike in both files (LauncherTests compares them).
rem   bin\iso-scoring.cmd evaluate docs\examples\bac-giang-2022.json      (any arguments of iso-scoring.jar)
setlocal EnableExtensions DisableDelayedExpansion
set "ISO_HOME=%~dp0.."
set "ISO_JAR=%ISO_HOME%\lib\iso-scoring.jar"
if not exist "%ISO_JAR%" set "ISO_JAR=%ISO_HOME%\rules-cli\target\iso-scoring.jar"
if not exist "%ISO_JAR%" goto missing
rem Java cannot use a class-data-sharing archive for a jar whose path has a space (C:\Program Files\...): the
rem jar's short 8.3 path has none (where the volume keeps no short names, the long path is used as it is).
for %%J in ("%ISO_JAR%") do set "ISO_JAR=%%~sJ"
set "ISO_JAVA=java"
rem JAVA_HOME set with quotes ("C:\Program Files\Java\jdk-17") works as well
set "ISO_JH="
if defined JAVA_HOME set "ISO_JH=%JAVA_HOME:"=%"
if defined ISO_JH if exist "%ISO_JH%\bin\java.exe" set "ISO_JAVA=%ISO_JH%\bin\java.exe"
set "ISO_QUICK=-XX:TieredStopAtLevel=1"
if /i "%~1"=="serve" set "ISO_QUICK="
set "ISO_NAME=iso-scoring.jsa"
if /i "%~1"=="check" set "ISO_NAME=iso-scoring-rules.jsa"
if /i "%~1"=="test" set "ISO_NAME=iso-scoring-rules.jsa"
if /i "%~1"=="diff" set "ISO_NAME=iso-scoring-rules.jsa"
if /i "%~1"=="mutate" set "ISO_NAME=iso-scoring-rules.jsa"
call :rules %*
for %%J in ("%ISO_JAR%") do set "ISO_FOLDER=%%~dpJ"
set "ISO_ARCHIVE=%ISO_FOLDER%%ISO_NAME%"
if exist "%ISO_ARCHIVE%" goto shared
rem the jar's folder cannot be written (Program Files): the user's own folder, one per installation
copy /y nul "%ISO_FOLDER%.iso-scoring-write-test" >nul 2>&1 && del "%ISO_FOLDER%.iso-scoring-write-test" >nul 2>&1 && goto chosen
if not defined LOCALAPPDATA goto plain
set "ISO_KEY=%ISO_FOLDER::=%"
set "ISO_KEY=%ISO_KEY:\=_%"
set "ISO_KEY=%ISO_KEY: =_%"
set "ISO_ARCHIVE=%LOCALAPPDATA%\iso-scoring\%ISO_KEY%\%ISO_NAME%"
if exist "%ISO_ARCHIVE%" goto shared
:chosen
if /i not "%~1"=="evaluate" goto plain
for %%A in ("%ISO_ARCHIVE%") do if not exist "%%~dpA" mkdir "%%~dpA" >nul 2>&1
"%ISO_JAVA%" -XX:ArchiveClassesAtExit="%ISO_ARCHIVE%" -Xlog:disable -Xlog:all=off %ISO_QUICK% %JAVA_OPTS% -jar "%ISO_JAR%" %*
exit /b %ERRORLEVEL%
:shared
"%ISO_JAVA%" -XX:SharedArchiveFile="%ISO_ARCHIVE%" -Xshare:auto -Xlog:disable -Xlog:all=off %ISO_QUICK% %JAVA_OPTS% -jar "%ISO_JAR%" %*
exit /b %ERRORLEVEL%
:plain
"%ISO_JAVA%" %ISO_QUICK% %JAVA_OPTS% -jar "%ISO_JAR%" %*
exit /b %ERRORLEVEL%

rem (no parentheses around a message that names a path: "Program Files (x86)" would end the block)
:missing
echo iso-scoring: khong thay / is missing: "%ISO_JAR%" - build: mvn -B -q -DskipTests install 1>&2
exit /b 1

rem Sets ISO_NAME to the rules archive when an argument is --rules or --rules=DIR, and ISO_QUICK to nothing when
rem one is a file over 32 MiB.
:rules
if "%~1"=="" exit /b 0
set "ISO_ARG=%~1"
if /i "%ISO_ARG%"=="--rules" set "ISO_NAME=iso-scoring-rules.jsa"
if /i "%ISO_ARG:~0,8%"=="--rules=" set "ISO_NAME=iso-scoring-rules.jsa"
rem a request file over 32 MiB: the optimising compiler pays off over so long a run (as bin/iso-scoring)
set "ISO_SIZE=%~z1"
if not defined ISO_SIZE set "ISO_SIZE=0"
if %ISO_SIZE% GTR 33554432 set "ISO_QUICK="
shift
goto rules
