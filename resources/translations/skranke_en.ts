<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="da">
<context>
    <name></name>
    <message>
        <source>Filen kan ikke læses ({error}).</source>
        <translation>The file cannot be read ({error}).</translation>
    </message>
    <message>
        <source>Filen er ikke UTF-8-tekst. Gem den som CSV UTF-8 og prøv igen.</source>
        <translation>The file is not UTF-8 text. Save it as CSV UTF-8 and try again.</translation>
    </message>
    <message>
        <source>Filen er tom. Første linje skal være overskriften week,errand,count,source.</source>
        <translation>The file is empty. The first line must be the header week,errand,count,source.</translation>
    </message>
    <message>
        <source>Overskriften mangler {missing}. Den skal være week,errand,count,source.</source>
        <translation>The header lacks {missing}. It must be week,errand,count,source.</translation>
    </message>
    <message>
        <source>Linjen har {found} felter, men overskriften har {expected}.</source>
        <translation>The line has {found} fields, but the header has {expected}.</translation>
    </message>
    <message>
        <source>Uge {week}, ærinde {errand} og kilde {source} står allerede i linje {first}.</source>
        <translation>Week {week}, errand {errand} and source {source} are already on line {first}.</translation>
    </message>
    <message>
        <source>Filen har en overskrift, men ingen rækker med tal.</source>
        <translation>The file has a header but no rows of counts.</translation>
    </message>
    <message>
        <source>Feltet {column} er tomt.</source>
        <translation>The field {column} is empty.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; er ikke en uge, der findes. Skriv ugen som 2026-W48.</source>
        <translation>&apos;{text}&apos; is not a week that exists. Write the week like 2026-W48.</translation>
    </message>
    <message>
        <source>Ærindekoden &apos;{code}&apos; findes ikke i kataloget.</source>
        <translation>The errand code &apos;{code}&apos; is not in the catalogue.</translation>
    </message>
    <message>
        <source>Antallet &apos;{text}&apos; er ikke et helt tal på 0 eller derover.</source>
        <translation>The count &apos;{text}&apos; is not a whole number of 0 or more.</translation>
    </message>
    <message>
        <source>Antallet {count} er urimeligt stort.</source>
        <translation>The count {count} is implausibly large.</translation>
    </message>
    <message>
        <source>Feltet {column} indeholder noget, der ligner et CPR-nummer. Fjern det, og prøv igen.</source>
        <translation>The {column} field contains what looks like a CPR number. Remove it and try again.</translation>
    </message>
    <message>
        <source>Importér digitale tal</source>
        <translation>Import digital counts</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv);;Alle filer (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Linje %1: </source>
        <translation>Line %1: </translation>
    </message>
    <message>
        <source>Filen blev ikke importeret, og intet er ændret.

%1%2</source>
        <translation>The file was not imported, and nothing was changed.

%1%2</translation>
    </message>
    <message>
        <source>%1 rækker læst: %2 nye, %3 ændrede, %4 uændrede.</source>
        <translation>%1 rows read: %2 new, %3 changed, %4 unchanged.</translation>
    </message>
    <message>
        <source>Skranke er allerede åben med journalen %1 (%2). Brug det vindue, der allerede er åbent; to vinduer på samme journal kunne give dobbelte besøg.</source>
        <translation>Skranke is already open with the journal %1 (%2). Use the window that is already open; two windows on the same journal could log visits twice.</translation>
    </message>
    <message>
        <source>et andet program</source>
        <translation>another program</translation>
    </message>
    <message>
        <source>En afbrudt skrivning i journalen er rullet tilbage; alt, der var gemt, er der.</source>
        <translation>An interrupted write to the journal was rolled back; everything that was saved is there.</translation>
    </message>
    <message>
        <source>Journalen opdateres til den nye version af Skranke …</source>
        <translation>The journal is being updated for the new version of Skranke …</translation>
    </message>
    <message>
        <source>Gamle noter er slettet, men et andet program læser journalen, så teksten står stadig i filen. Den fjernes ved næste start.</source>
        <translation>Old notes were erased, but another program is reading the journal, so the text is still in the file. It is removed at the next start.</translation>
    </message>
    <message>
        <source>Journalen %1 er beskadiget og kan ikke bruges. Filen er ikke ændret, og Skranke gemmer ikke mere i den. Luk Skranke og start igen: så tilbydes den nyeste sikkerhedskopi.</source>
        <translation>The journal %1 is damaged and cannot be used. The file has not been changed, and Skranke saves nothing more in it. Close Skranke and start it again: the newest backup will then be offered.</translation>
    </message>
    <message>
        <source>Gamle noter kunne ikke slettes i dag: %1</source>
        <translation>Old notes could not be deleted today: %1</translation>
    </message>
    <message>
        <source>Gamle noter kunne ikke slettes i %1 sikkerhedskopi(er) i %2.</source>
        <translation>Old notes could not be erased in %1 backup(s) in %2.</translation>
    </message>
    <message>
        <source>Dagens sikkerhedskopi kunne ikke laves (%1). Detaljer i logfilen.</source>
        <translation>Today&apos;s backup could not be made (%1). Details in the log file.</translation>
    </message>
    <message>
        <source>Journalen %1 er beskadiget og kan ikke bruges. Filen er ikke ændret.</source>
        <translation>The journal %1 is damaged and cannot be used. The file has not been changed.</translation>
    </message>
    <message>
        <source>Der er ingen sikkerhedskopi i %1. Kontakt IT-supporten, og slet ikke filen.</source>
        <translation>There is no backup in %1. Contact IT support, and do not delete the file.</translation>
    </message>
    <message>
        <source>Der er en sikkerhedskopi fra %1; start Skranke for at gendanne den, eller kør &apos;deskapp restore&apos;.</source>
        <translation>There is a backup from %1; start Skranke to restore it, or run &apos;deskapp restore&apos;.</translation>
    </message>
    <message>
        <source>Der er en sikkerhedskopi fra %1. Vil du gendanne den? Besøg registreret efter kopien kommer ikke med. Den beskadigede fil gemmes ved siden af, så IT kan se på den.</source>
        <translation>There is a backup from %1. Do you want to restore it? Visits logged after the backup are not included. The damaged file is kept beside it so IT can look at it.</translation>
    </message>
    <message>
        <source>&amp;Gendan sikkerhedskopien</source>
        <translation>&amp;Restore the backup</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Gendannelsen mislykkedes: %1</source>
        <translation>The restore failed: %1</translation>
    </message>
    <message>
        <source>Journalen er gendannet fra sikkerhedskopien fra %1. Den beskadigede fil er gemt som %2.</source>
        <translation>The journal was restored from the backup from %1. The damaged file was kept as %2.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Ingen data i perioden</source>
        <translation>No data in the period</translation>
    </message>
</context>
<context>
    <name>BlockerPicker</name>
    <message>
        <source>Hvor sidder borgeren fast</source>
        <translation>Where is the citizen stuck</translation>
    </message>
    <message>
        <source>Tast 1-9 eller 0 vælger, hvor borgeren sidder fast. Esc fortryder</source>
        <translation>Keys 1-9 or 0 choose where the citizen is stuck. Esc goes back</translation>
    </message>
    <message>
        <source>Kort beskrivelse af problemet</source>
        <translation>Short description of the problem</translation>
    </message>
    <message>
        <source>Enter gemmer, Esc går tilbage til listen. Skriv aldrig navne eller CPR-numre</source>
        <translation>Enter saves, Esc goes back to the list. Never write names or CPR numbers</translation>
    </message>
    <message>
        <source>Kort beskrivelse – aldrig navne eller CPR-numre. Enter gemmer</source>
        <translation>Short description – never names or CPR numbers. Enter saves</translation>
    </message>
    <message>
        <source>Andet (skriv kort)</source>
        <translation>Other (write briefly)</translation>
    </message>
    <message>
        <source>Trin %1 – hvor sidder borgeren fast? Tast 1-%2 (Esc fortryder).</source>
        <translation>Step %1 – where is the citizen stuck? Keys 1-%2 (Esc goes back).</translation>
    </message>
</context>
<context>
    <name>CoachingDialog</name>
    <message>
        <source>Vejledning i digitale færdigheder</source>
        <translation>Coaching in digital skills</translation>
    </message>
    <message>
        <source>Til vejledning, der ikke hører til et bestemt ærinde. Sæt kryds ved det, borgeren har lært (pil op/ned og mellemrum), og tryk Enter for at gemme.</source>
        <translation>For coaching that does not belong to a particular errand. Tick what the citizen learned (arrow up/down and space), and press Enter to save.</translation>
    </message>
    <message>
        <source>Færdigheder, borgeren har lært</source>
        <translation>Skills the citizen learned</translation>
    </message>
    <message>
        <source>Pil op og ned flytter, mellemrum sætter eller fjerner et kryds. Enter gemmer</source>
        <translation>Up and down arrows move, Space ticks or unticks. Enter saves</translation>
    </message>
    <message>
        <source>Varighed i minutter</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <source>Hvor lang vejledningen var; pil op og ned ændrer et minut ad gangen</source>
        <translation>How long the coaching took; up and down arrows change it one minute at a time</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Gem vejledningen</source>
        <translation>Save the coaching</translation>
    </message>
    <message>
        <source>Enter gemmer vejledningen med de afkrydsede færdigheder</source>
        <translation>Enter saves the coaching with the ticked skills</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Esc lukker uden at gemme</source>
        <translation>Esc closes without saving</translation>
    </message>
    <message>
        <source>&amp;Varighed:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <source>Sæt kryds ved mindst én færdighed (mellemrum).</source>
        <translation>Tick at least one skill (space).</translation>
    </message>
    <message>
        <source>Vejledning gemt: %1 færdighed(er), %2 min.</source>
        <translation>Coaching saved: %1 skill(s), %2 min.</translation>
    </message>
</context>
<context>
    <name>ConsolidateDialog</name>
    <message>
        <source>Saml skranker</source>
        <translation>Combine desks</translation>
    </message>
</context>
<context>
    <name>ConsolidatePanel</name>
    <message>
        <source>Mappe med øjebliksbilleder</source>
        <translation>Folder with snapshots</translation>
    </message>
    <message>
        <source>Den fælles mappe, hvor hver skranke lægger sit øjebliksbillede</source>
        <translation>The shared folder where each desk puts its snapshot</translation>
    </message>
    <message>
        <source>Samlet journal</source>
        <translation>Combined journal</translation>
    </message>
    <message>
        <source>Filen, som skrankernes besøg samles i; den oprettes, hvis den ikke findes</source>
        <translation>The file the desks&apos; visits are merged into; it is created if it does not exist</translation>
    </message>
    <message>
        <source>&amp;Saml nu</source>
        <translation>&amp;Combine now</translation>
    </message>
    <message>
        <source>Saml skranker nu</source>
        <translation>Combine the desks now</translation>
    </message>
    <message>
        <source>Lægger øjebliksbillederne i mappen sammen i den samlede journal; rapporten vises nedenfor</source>
        <translation>Merges the snapshots in the folder into the site journal; the report is shown below</translation>
    </message>
    <message>
        <source>Rapport fra sammenlægningen</source>
        <translation>Report from the combining</translation>
    </message>
    <message>
        <source>Én linje pr. skranke: nye, opdaterede og uændrede besøg. Pil op og ned læser linjerne</source>
        <translation>One line per desk: new, updated and unchanged visits. Up and down arrows read the lines</translation>
    </message>
    <message>
        <source>&amp;Mappe:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Åbner en mappevælger til mappen med øjebliksbilleder</source>
        <translation>Opens a folder picker for the snapshot folder</translation>
    </message>
    <message>
        <source>Samlet &amp;journal:</source>
        <translation>Combined &amp;journal:</translation>
    </message>
    <message>
        <source>Åbner en filvælger til den samlede journal</source>
        <translation>Opens a file picker for the site journal</translation>
    </message>
    <message>
        <source>Vælg…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Vælg for %1</source>
        <translation>Choose for %1</translation>
    </message>
    <message>
        <source>Skranke-journal (*.skranke)</source>
        <translation>Skranke journal (*.skranke)</translation>
    </message>
    <message>
        <source>Vælg både mappen og den samlede journal.</source>
        <translation>Choose both the folder and the combined journal.</translation>
    </message>
    <message>
        <source>Samler skranker…</source>
        <translation>Combining desks…</translation>
    </message>
    <message>
        <source>Samler skranker… %1 af %2 øjebliksbilleder</source>
        <translation>Merging counters… %1 of %2 snapshots</translation>
    </message>
    <message>
        <source>Sammenlægningen kunne ikke køre: %1</source>
        <translation>The combining could not run: %1</translation>
    </message>
    <message>
        <source>%1/%2: %3 nye, %4 opdaterede, %5 uændrede besøg; øjebliksbillede fra %6</source>
        <translation>%1/%2: %3 new, %4 updated, %5 unchanged visits; snapshot from %6</translation>
    </message>
    <message>
        <source>Advarsel: øjebliksbilledet fra %1/%2 er mere end en uge gammelt.</source>
        <translation>Warning: the snapshot from %1/%2 is more than a week old.</translation>
    </message>
    <message>
        <source>Sprunget over: %1 (%2)</source>
        <translation>Skipped: %1 (%2)</translation>
    </message>
    <message>
        <source>Opbevaring: %1 noter er slettet i den samlede journal (slettet ved skranken eller ældre end %2 dage).</source>
        <translation>Retention: %1 notes erased in the site journal (purged at their desk or older than %2 days).</translation>
    </message>
    <message>
        <source>Intet kunne samles: der blev ikke fundet brugbare øjebliksbilleder.</source>
        <translation>Nothing could be combined: no usable snapshots were found.</translation>
    </message>
    <message>
        <source>%1 skranke(r) samlet i %2.</source>
        <translation>%1 desk(s) combined into %2.</translation>
    </message>
    <message>
        <source>Ny skranke betroet ved første brug: skranke-id %1, nøgle %2</source>
        <translation>New desk trusted on first use: desk id %1, key %2</translation>
    </message>
    <message>
        <source>Advarsel: øjebliksbilledet er ikke signeret (en ældre Skranke); opdater Skranke på den pc</source>
        <translation>Warning: the snapshot is not signed (an older Skranke); update Skranke on that PC</translation>
    </message>
    <message>
        <source>%1 rækker fra en anden skranke afvist</source>
        <translation>%1 rows of another desk refused</translation>
    </message>
    <message>
        <source>%1 besøg med usandsynlige tidspunkter eller værdier afvist</source>
        <translation>%1 visits with implausible times or values refused</translation>
    </message>
    <message>
        <source>Tekster fjernet fra %1 besøg (CPR-nummer, styretegn eller for lange); besøgene tælles stadig</source>
        <translation>Texts dropped from %1 visits (a CPR number, control characters or too long); the visits still count</translation>
    </message>
    <message>
        <source>Skrankens navn eller sted blev afvist; skranke-id vises i stedet</source>
        <translation>The desk&apos;s name or site was refused; the desk id is shown instead</translation>
    </message>
</context>
<context>
    <name>CounterForm</name>
    <message>
        <source>Årsag til fremmøde</source>
        <translation>Reason for coming in</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Tast 1-9 eller 0 vælger årsagen</source>
        <translation>Keys 1-9 or 0 pick the reason</translation>
    </message>
    <message>
        <source>Tast 1-9 vælger resultatet og gemmer besøget</source>
        <translation>Keys 1-9 pick the outcome and save the visit</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>F2 skifter kanal</source>
        <translation>F2 switches the channel</translation>
    </message>
    <message>
        <source>Tidsbestilt (F3)</source>
        <translation>Booked (F3)</translation>
    </message>
    <message>
        <source>Tidsbestilt</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>F3 skifter mellem tidsbestilt og uden tidsbestilling for dette besøg</source>
        <translation>F3 switches between booked and drop-in for this visit</translation>
    </message>
    <message>
        <source>Tidligere tidspunkt</source>
        <translation>Earlier time</translation>
    </message>
    <message>
        <source>Registrér med tidligere tidspunkt</source>
        <translation>Log with an earlier time</translation>
    </message>
    <message>
        <source>Ctrl+T: næste besøg registreres med et tidspunkt tidligere i dag</source>
        <translation>Ctrl+T: the next visit is recorded with an earlier time today</translation>
    </message>
    <message>
        <source>Besøgets starttidspunkt</source>
        <translation>Start time of the visit</translation>
    </message>
    <message>
        <source>Timer og minutter; pil op og ned ændrer, højre og venstre skifter mellem dem</source>
        <translation>Hours and minutes; up and down arrows change them, right and left move between them</translation>
    </message>
    <message>
        <source>Kort note</source>
        <translation>Short note</translation>
    </message>
    <message>
        <source>Kort note (valgfri) – aldrig navne eller CPR-numre</source>
        <translation>Short note (optional) – never names or CPR numbers</translation>
    </message>
    <message>
        <source>Ctrl+N går hertil, Enter går tilbage til årsag eller resultat. Noten gemmes med besøget; skriv aldrig navne eller CPR-numre</source>
        <translation>Ctrl+N comes here, Enter goes back to the reason or outcome. The note is saved with the visit; never write names or CPR numbers</translation>
    </message>
    <message>
        <source>Dagens besøg (Enter retter det valgte)</source>
        <translation>Today&apos;s visits (Enter corrects the selected one)</translation>
    </message>
    <message>
        <source>&amp;Ærinde:</source>
        <translation>&amp;Errand:</translation>
    </message>
    <message>
        <source>&amp;Kanal (F2):</source>
        <translation>Ch&amp;annel (F2):</translation>
    </message>
    <message>
        <source>Fundne ærinder</source>
        <translation>Matching errands</translation>
    </message>
    <message>
        <source>Årsag til fremmøde (tast 1-0)</source>
        <translation>Reason for coming in (keys 1-0)</translation>
    </message>
    <message>
        <source>Resultat (tast 1-9 gemmer)</source>
        <translation>Outcome (keys 1-9 save)</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Intet ærinde matcher „%1“.</source>
        <translation>No errand matches “%1”.</translation>
    </message>
    <message>
        <source>Intet ærinde matcher. Enter registrerer Andet ærinde med teksten som note.</source>
        <translation>No errand matches. Enter logs the errand “Andet” (other) with the text as the note.</translation>
    </message>
    <message>
        <source>Tidspunktet %1 ligger i fremtiden.</source>
        <translation>The time %1 is in the future.</translation>
    </message>
    <message>
        <source>Besøget er annulleret.</source>
        <translation>The visit was cancelled.</translation>
    </message>
    <message>
        <source>Der er intet besøg at fortryde.</source>
        <translation>There is no visit to undo.</translation>
    </message>
    <message>
        <source>Fortrudt: %1 kl. %2</source>
        <translation>Undone: %1 at %2</translation>
    </message>
    <message>
        <source>Kanal: %1</source>
        <translation>Channel: %1</translation>
    </message>
    <message>
        <source>1. Samme borger: skriv det næste ærinde og tryk Enter.</source>
        <translation>1. Same citizen: type the next errand and press Enter.</translation>
    </message>
    <message>
        <source>1. Skriv ærindet og tryk Enter.</source>
        <translation>1. Type the errand and press Enter.</translation>
    </message>
    <message>
        <source>2. %1: vælg årsagen med et tal (Esc annullerer).</source>
        <translation>2. %1: pick the reason with a digit (Esc cancels).</translation>
    </message>
    <message>
        <source>Søgeteksten ligner personoplysninger og er ikke foreslået som note.</source>
        <translation>The search text looks like personal data and was not offered as the note.</translation>
    </message>
    <message>
        <source>Skriv ærindet først – tallene vælger årsag og resultat bagefter.</source>
        <translation>Type the errand first – the digits pick the reason and outcome after that.</translation>
    </message>
    <message>
        <source>Intet ærinde matcher „%1“ – Enter registrerer Andet ærinde med teksten som note.</source>
        <translation>No errand matches “%1” – Enter logs the errand “Andet” (other) with the text as the note.</translation>
    </message>
    <message>
        <source>Gemt: %1 · %2 · %3 (Ctrl+Z fortryder, + samme borger)</source>
        <translation>Saved: %1 · %2 · %3 (Ctrl+Z undoes, + same citizen)</translation>
    </message>
    <message>
        <source>Bemærk: vejledningen stod på en anden tilstand end resultatet %1 – ret besøget i Dagens besøg, hvis det er forkert.</source>
        <translation>Note: the guide was set to another mode than the outcome %1 – correct the visit in Today&apos;s visits if it is wrong.</translation>
    </message>
    <message>
        <source>Samme borger: gem først borgerens første ærinde.</source>
        <translation>Same citizen: save the citizen&apos;s first errand first.</translation>
    </message>
    <message>
        <source>Samme borger: skriv det næste ærinde (Esc fortryder).</source>
        <translation>Same citizen: type the next errand (Esc cancels).</translation>
    </message>
    <message>
        <source>Tidsbestilt</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Uden tidsbestilling</source>
        <translation>Drop-in</translation>
    </message>
    <message>
        <source>3. %1: vælg resultatet med et tal – det gemmer besøget.</source>
        <translation>3. %1: pick the outcome with a digit – that saves the visit.</translation>
    </message>
    <message>
        <source>Skranke</source>
        <translation>Skranke</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>Skranke og fælles mappe</source>
        <translation>Desk and shared folder</translation>
    </message>
    <message>
        <source>Giv denne skranke et navn og angiv stedet. Navnene står på hvert besøg og bruges, når skrankerne samles til én opgørelse.</source>
        <translation>Give this desk a name and state the site. The names are stored on every visit and used when the desks are combined into one tally.</translation>
    </message>
    <message>
        <source>Nye besøg får det nye navn; gemte besøg beholder det, de blev gemt med.</source>
        <translation>New visits get the new name; saved visits keep the one they were saved with.</translation>
    </message>
    <message>
        <source>Skrankens navn</source>
        <translation>Desk name</translation>
    </message>
    <message>
        <source>Navnet på denne skranke; det står på hvert nyt besøg, fx skranke-3</source>
        <translation>The name of this desk; it is stored on every new visit, e.g. skranke-3</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Borgerservicens navn eller adresse; skranker samles pr. sted</source>
        <translation>The citizen service&apos;s name or address; desks are combined per site</translation>
    </message>
    <message>
        <source>Fælles mappe</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <source>Mappen hvor skranken lægger sin kopi af journalen</source>
        <translation>The folder where this desk publishes its copy of the journal</translation>
    </message>
    <message>
        <source>valgfri, fx \\server\skranke</source>
        <translation>optional, e.g. \\server\skranke</translation>
    </message>
    <message>
        <source>&amp;Vælg…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Vælg fælles mappe</source>
        <translation>Choose the shared folder</translation>
    </message>
    <message>
        <source>Åbner en mappevælger til den fælles mappe</source>
        <translation>Opens a folder picker for the shared folder</translation>
    </message>
    <message>
        <source>Minutter mellem udgivelser</source>
        <translation>Minutes between publications</translation>
    </message>
    <message>
        <source>Hvor ofte skranken lægger en ny kopi af journalen i den fælles mappe</source>
        <translation>How often the desk puts a new copy of its journal in the shared folder</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kommunens navn; det står på vejledningen, borgeren får med hjem</source>
        <translation>The municipality&apos;s name; it is printed on the sheet the citizen takes home</translation>
    </message>
    <message>
        <source>Hjælpelinje</source>
        <translation>Help line</translation>
    </message>
    <message>
        <source>Borgerservices telefon eller web; det står på vejledningen til borgeren</source>
        <translation>Citizen service&apos;s phone or web address; it is printed on the citizen&apos;s sheet</translation>
    </message>
    <message>
        <source>Fejl i navnene</source>
        <translation>Problem with the names</translation>
    </message>
    <message>
        <source>Skrankens &amp;navn:</source>
        <translation>Desk &amp;name:</translation>
    </message>
    <message>
        <source>S&amp;ted:</source>
        <translation>S&amp;ite:</translation>
    </message>
    <message>
        <source>Ko&amp;mmune:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Hjælpelinje:</source>
        <translation>&amp;Help line:</translation>
    </message>
    <message>
        <source>&amp;Fælles mappe:</source>
        <translation>Shared &amp;folder:</translation>
    </message>
    <message>
        <source>&amp;Udgiv hvert:</source>
        <translation>&amp;Publish every:</translation>
    </message>
    <message>
        <source>&amp;Start Skranke</source>
        <translation>&amp;Start Skranke</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Øjebliksbilleder gemmes som %1</source>
        <translation>Snapshots are saved as %1</translation>
    </message>
    <message>
        <source>Uden fælles mappe udgives der ikke.</source>
        <translation>Without a shared folder nothing is published.</translation>
    </message>
</context>
<context>
    <name>DrillDown</name>
    <message>
        <source>Årsager for det valgte ærinde</source>
        <translation>Reasons for the selected errand</translation>
    </message>
    <message>
        <source>Resultater for det valgte ærinde</source>
        <translation>Outcomes for the selected errand</translation>
    </message>
    <message>
        <source>Digital andel pr. uge for det valgte ærinde</source>
        <translation>Digital share per week for the chosen errand</translation>
    </message>
    <message>
        <source>Årsager til fremmøde</source>
        <translation>Reasons for coming in</translation>
    </message>
    <message>
        <source>Resultater</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>Digital andel pr. uge (stiplet: målet på 80 %)</source>
        <translation>Digital share per week (dashed: the 80 % goal)</translation>
    </message>
    <message>
        <source>Vælg et ærinde for at se årsager og resultater.</source>
        <translation>Choose an errand to see reasons and outcomes.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 henvendelser</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 contacts</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Ærindet har ingen digital løsning.</source>
        <translation>The errand has no digital solution.</translation>
    </message>
    <message>
        <source>Andelen vises ikke: den bygger på et skjult antal.</source>
        <translation>The share is not shown: it rests on a hidden count.</translation>
    </message>
    <message>
        <source>Ingen digitale tal er importeret for ærindet i perioden.</source>
        <translation>No digital counts were imported for the errand in the period.</translation>
    </message>
    <message>
        <source>Digital andel %1. %2 flere digitale ansøgninger om ugen ville nå målet på 80 %.</source>
        <translation>Digital share %1. %2 more digital applications a week would reach the 80 % goal.</translation>
    </message>
    <message>
        <source>Digital andel %1: målet på 80 % er nået.</source>
        <translation>Digital share %1: the 80 % goal is reached.</translation>
    </message>
    <message>
        <source>landsplan</source>
        <translation>national</translation>
    </message>
    <message>
        <source>Reference: %1.</source>
        <translation>Reference: %1.</translation>
    </message>
</context>
<context>
    <name>EditVisitDialog</name>
    <message>
        <source>Ret besøg kl. %1</source>
        <translation>Correct the visit at %1</translation>
    </message>
    <message>
        <source>Ærinde</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>Årsag</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Hvad borgeren kom for. Pil op og ned vælger et andet ærinde</source>
        <translation>What the citizen came for. Up and down arrows choose another errand</translation>
    </message>
    <message>
        <source>Hvorfor borgeren mødte op i stedet for at klare det digitalt</source>
        <translation>Why the citizen came in instead of doing it online</translation>
    </message>
    <message>
        <source>Hvordan besøget endte</source>
        <translation>How the visit ended</translation>
    </message>
    <message>
        <source>Hvordan borgeren henvendte sig, fx fremmøde eller telefon</source>
        <translation>How the citizen got in touch, e.g. in person or by phone</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kort note uden navne eller CPR-numre; den kontrolleres, når du gemmer</source>
        <translation>Short note without names or CPR numbers; it is checked when you save</translation>
    </message>
    <message>
        <source>&amp;Ærinde:</source>
        <translation>&amp;Errand:</translation>
    </message>
    <message>
        <source>Å&amp;rsag:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Resultat:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Kanal:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>ErrandSearch</name>
    <message>
        <source>Søg ærinde</source>
        <translation>Search errand</translation>
    </message>
    <message>
        <source>Skriv ærinde, fx flytning – Enter vælger</source>
        <translation>Type the errand in Danish, e.g. flytning – Enter picks it</translation>
    </message>
    <message>
        <source>Ryd søgningen</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>Enter vælger det øverste fundne ærinde, pil op og ned vælger et andet. Findes ærindet ikke, tager Enter Andet ærinde med teksten som note</source>
        <translation>Enter picks the first matching errand, arrow up and down pick another. If the errand is not listed, Enter takes the errand “Andet” (other) with the text as the note</translation>
    </message>
    <message>
        <source>Fundne ærinder</source>
        <translation>Matching errands</translation>
    </message>
    <message>
        <source>Ærinderne, der passer til søgningen. Pil op og ned i søgefeltet vælger, Enter tager det</source>
        <translation>The errands that match the search. Up and down arrows in the search field choose, Enter takes it</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>Mappen {folder} findes ikke. Vælg en anden mappe.</source>
        <translation>The folder {folder} does not exist. Choose another folder.</translation>
    </message>
    <message>
        <source>{path} er en mappe. Skriv et filnavn.</source>
        <translation>{path} is a folder. Type a file name.</translation>
    </message>
    <message>
        <source>Du har ikke lov til at skrive {path}. Vælg en anden mappe.</source>
        <translation>You are not allowed to write {path}. Choose another folder.</translation>
    </message>
    <message>
        <source>Der er ikke plads på disken til {path}.</source>
        <translation>There is no room on the disk for {path}.</translation>
    </message>
    <message>
        <source>{path} kan ikke skrives ({reason}).</source>
        <translation>{path} cannot be written ({reason}).</translation>
    </message>
    <message>
        <source>Perioden er tom.</source>
        <translation>The period is empty.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Gem udtræk</source>
        <translation>Save the export</translation>
    </message>
    <message>
        <source>Eksporterer…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Eksport i gang</source>
        <translation>Export in progress</translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Udtræk gemt: %1</source>
        <translation>Export saved: %1</translation>
    </message>
    <message>
        <source>Udtrækket blev ikke gemt.

%1</source>
        <translation>The export was not saved.

%1</translation>
    </message>
</context>
<context>
    <name>FigureTexts</name>
    <message>
        <source>ingen digitale tal</source>
        <translation>no digital counts</translation>
    </message>
    <message>
        <source>nået</source>
        <translation>reached</translation>
    </message>
    <message>
        <source>%1 procentpoint · %2 flere digitale om ugen</source>
        <translation>%1 percentage points · %2 more digital a week</translation>
    </message>
    <message>
        <source>ingen angivet</source>
        <translation>none given</translation>
    </message>
    <message>
        <source>Andet</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>landsplan</source>
        <translation>national</translation>
    </message>
    <message>
        <source>Uge %1: %2 henvendelser</source>
        <translation>Week %1: %2 contacts</translation>
    </message>
    <message>
        <source>%1 i forhold til forrige periode</source>
        <translation>%1 compared with the previous period</translation>
    </message>
    <message>
        <source>digital andel %1 (mål 80 %)</source>
        <translation>digital share %1 (goal 80 %)</translation>
    </message>
    <message>
        <source>fejlhenvendelser %1</source>
        <translation>error contacts %1</translation>
    </message>
</context>
<context>
    <name>FrictionTab</name>
    <message>
        <source>Ærinde</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>Trin</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Gået i stå</source>
        <translation>Got stuck</translation>
    </message>
    <message>
        <source>Forhindringer</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <source>De største friktionspunkter</source>
        <translation>The biggest friction points</translation>
    </message>
    <message>
        <source>De trin, hvor borgerne oftest sad fast, med de angivne forhindringer. Pil op og ned vælger et trin; Tab går til dets Andet-tekster</source>
        <translation>The steps where citizens got stuck most often, with the obstacles given. Up and down arrows choose a step; Tab goes to its “Andet” (other) texts</translation>
    </message>
    <message>
        <source>Andet-tekster</source>
        <translation>“Andet” (other) texts</translation>
    </message>
    <message>
        <source>Det ambassadørerne skrev, da borgeren sad fast med forhindringen Andet på det valgte trin</source>
        <translation>What the ambassadors wrote when the citizen got stuck with the obstacle “Andet” (other) at the chosen step</translation>
    </message>
    <message>
        <source>Andet-tekster: vælg et trin i tabellen.</source>
        <translation>“Andet” (other) texts: choose a step in the table.</translation>
    </message>
    <message>
        <source>Andet-tekster for »%1« (%2):</source>
        <translation>“Andet” (other) texts for “%1” (%2):</translation>
    </message>
    <message>
        <source>Andet-tekster for »%1«: ingen at vise (ingen skrevet, slettet efter opbevaringstiden eller skjult af diskretionen).</source>
        <translation>“Andet” (other) texts for “%1”: none to show (none written, erased after the retention period, or hidden by the discretion).</translation>
    </message>
</context>
<context>
    <name>GuideDock</name>
    <message>
        <source>Vejledning</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Vejledning i digital selvbetjening</source>
        <translation>Guide to digital self-service</translation>
    </message>
    <message>
        <source>Ingen vejledning: vælg først et ærinde.</source>
        <translation>No guide: choose an errand first.</translation>
    </message>
    <message>
        <source>Skift mellem &amp;guide og skranke</source>
        <translation>Switch between &amp;guide and counter</translation>
    </message>
    <message>
        <source>Registrér &amp;vejledning i digitale færdigheder…</source>
        <translation>Log &amp;coaching in digital skills…</translation>
    </message>
    <message>
        <source>&amp;Vejledning</source>
        <translation>&amp;Guide</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Vejledning</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Besøgets længde</source>
        <translation>Length of the visit</translation>
    </message>
    <message>
        <source>Åbn selvbetjeningen i browseren (B)</source>
        <translation>Open the self-service in the browser (B)</translation>
    </message>
    <message>
        <source>Åbn selvbetjeningen i browseren</source>
        <translation>Open the self-service in the browser</translation>
    </message>
    <message>
        <source>Åbner ærindets selvbetjeningsløsning i browseren. Tast B i trinlisten gør det samme</source>
        <translation>Opens the errand&apos;s self-service solution in the browser. Key B in the step list does the same</translation>
    </message>
    <message>
        <source>Sådan gør borgeren i stedet</source>
        <translation>What the citizen can do instead</translation>
    </message>
    <message>
        <source>Det skal borgeren have klar</source>
        <translation>What the citizen needs to have ready</translation>
    </message>
    <message>
        <source>Det skal borgeren have klar (mellemrum afkrydser)</source>
        <translation>What the citizen needs to have ready (space ticks)</translation>
    </message>
    <message>
        <source>Pil op og ned flytter, mellemrum sætter kryds ved det, borgeren har med</source>
        <translation>Up and down arrows move, Space ticks what the citizen has brought</translation>
    </message>
    <message>
        <source>&amp;Tilstand (M):</source>
        <translation>&amp;Mode (M):</translation>
    </message>
    <message>
        <source>Hvem betjener løsningen</source>
        <translation>Who operates the solution</translation>
    </message>
    <message>
        <source>Borgeren selv, medarbejderen ved siden af eller medarbejderen med fuldmagt. Tast M i trinlisten skifter</source>
        <translation>The citizen, the staff member alongside, or the staff member with power of attorney. Key M in the step list switches</translation>
    </message>
    <message>
        <source>Borgeren betjener selv</source>
        <translation>The citizen operates</translation>
    </message>
    <message>
        <source>Medarbejderen betjener</source>
        <translation>The staff member operates</translation>
    </message>
    <message>
        <source>Medarbejderen har fuldmagt</source>
        <translation>The staff member has power of attorney</translation>
    </message>
    <message>
        <source>Hjælp til selvbetjening: du vejleder, borgeren taster selv.</source>
        <translation>Help to self-service: you guide, the citizen types.</translation>
    </message>
    <message>
        <source>Medbetjening: du betjener løsningen ved siden af borgeren.</source>
        <translation>Assisted service: you operate the solution beside the citizen.</translation>
    </message>
    <message>
        <source>Fuldmagt: du handler for borgeren.</source>
        <translation>Power of attorney: you act for the citizen.</translation>
    </message>
    <message>
        <source>Trin (Ctrl+G går hertil)</source>
        <translation>Steps (Ctrl+G goes here)</translation>
    </message>
    <message>
        <source>Det aktuelle trin og tip</source>
        <translation>The current step and tip</translation>
    </message>
    <message>
        <source>Teksten til det trin, der er valgt i trinlisten, med et tip til medarbejderen</source>
        <translation>The text of the step selected in the step list, with a tip for the staff</translation>
    </message>
    <message>
        <source>Udført (U)</source>
        <translation>Done (U)</translation>
    </message>
    <message>
        <source>Marker trinnet som udført</source>
        <translation>Mark the step as done</translation>
    </message>
    <message>
        <source>Markerer det valgte trin som udført og går til det næste. Tast U eller Enter i trinlisten</source>
        <translation>Marks the chosen step as done and moves to the next. Key U or Enter in the step list</translation>
    </message>
    <message>
        <source>Sidder fast (F)</source>
        <translation>Stuck (F)</translation>
    </message>
    <message>
        <source>Borgeren sidder fast</source>
        <translation>The citizen is stuck</translation>
    </message>
    <message>
        <source>Borgeren sidder fast i det valgte trin; vælg derefter hvorfor. Tast F i trinlisten</source>
        <translation>The citizen is stuck on the chosen step; then choose why. Key F in the step list</translation>
    </message>
    <message>
        <source>Spring over (O)</source>
        <translation>Skip (O)</translation>
    </message>
    <message>
        <source>Spring trinnet over</source>
        <translation>Skip the step</translation>
    </message>
    <message>
        <source>Springer det valgte trin over og går til det næste. Tast O i trinlisten</source>
        <translation>Skips the chosen step and moves to the next. Key O in the step list</translation>
    </message>
    <message>
        <source>Udskriver borgerens vejledning på papir. Tast P i trinlisten gør det samme</source>
        <translation>Prints the citizen&apos;s guide on paper. Key P in the step list does the same</translation>
    </message>
    <message>
        <source>Gemmer borgerens vejledning som PDF-fil, fx til at sende eller udskrive senere</source>
        <translation>Saves the citizen&apos;s guide as a PDF file, e.g. to send or print later</translation>
    </message>
    <message>
        <source>Taster i trinlisten: Enter/U udført · F sidder fast · O spring over · M tilstand · B åbn løsningen · P udskriv · R/Esc resultat. Ctrl+G skifter mellem guide og skranke.</source>
        <translation>Keys in the step list: Enter/U done · F stuck · O skip · M mode · B open the solution · P print · R/Esc outcome. Ctrl+G switches between guide and counter.</translation>
    </message>
    <message>
        <source>Selvbetjening: %1</source>
        <translation>Self-service: %1</translation>
    </message>
    <message>
        <source>Ingen digital selvbetjening til dette ærinde.</source>
        <translation>No digital self-service for this errand.</translation>
    </message>
    <message>
        <source>Tid: %1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <source>Trin %1 af %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Tip:</source>
        <translation>Tip:</translation>
    </message>
    <message>
        <source>Andet</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Tilstand: %1</source>
        <translation>Mode: %1</translation>
    </message>
    <message>
        <source>udført</source>
        <translation>done</translation>
    </message>
    <message>
        <source>sidder fast</source>
        <translation>stuck</translation>
    </message>
    <message>
        <source>sprunget over</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Trin %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <source>Alle trin er markeret – vælg resultatet med et tal.</source>
        <translation>All steps are marked – pick the outcome with a digit.</translation>
    </message>
    <message>
        <source>Browseren kunne ikke åbnes. Adressen er %1</source>
        <translation>The browser could not be opened. The address is %1</translation>
    </message>
    <message>
        <source>Åbner %1 i browseren.</source>
        <translation>Opening %1 in the browser.</translation>
    </message>
    <message>
        <source>Skranke</source>
        <translation>Skranke</translation>
    </message>
</context>
<context>
    <name>HandoutButtons</name>
    <message>
        <source>Udskriv vejledning til borgeren (P)</source>
        <translation>Print the guide for the citizen (P)</translation>
    </message>
    <message>
        <source>Udskriv vejledning til borgeren</source>
        <translation>Print the guide for the citizen</translation>
    </message>
    <message>
        <source>Gem som PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Gem vejledningen til borgeren som PDF</source>
        <translation>Save the guide for the citizen as PDF</translation>
    </message>
    <message>
        <source>Kataloget har ingen engelsk tekst til denne vejledning</source>
        <translation>The catalogue has no English text for this guide</translation>
    </message>
    <message>
        <source>Vejledningen blev ikke udskrevet.</source>
        <translation>The guide was not printed.</translation>
    </message>
    <message>
        <source>Der er ingen printer at udskrive på. Vejledningen er gemt i %1 – udskriv den senere, eller brug Gem som PDF… for at gemme den, hvor borgeren kan få den.</source>
        <translation>There is no printer to print on. The sheet is saved in %1 – print it later, or use Save as PDF… to save it where the citizen can get it.</translation>
    </message>
    <message>
        <source>Mappen %1 kan ikke oprettes: %2</source>
        <translation>The folder %1 cannot be created: %2</translation>
    </message>
    <message>
        <source>Printeren tog ikke imod vejledningen. Den er åbnet i PDF-viseren – udskriv den derfra. Filen ligger i %1</source>
        <translation>The printer did not accept the sheet. It is open in the PDF viewer – print it from there. The file is in %1</translation>
    </message>
    <message>
        <source>Gem vejledning som PDF</source>
        <translation>Save the guide as PDF</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Vejledningen er gemt: %1</source>
        <translation>The guide was saved: %1</translation>
    </message>
    <message>
        <source>standardprinteren</source>
        <translation>the default printer</translation>
    </message>
    <message>
        <source>Sp&amp;rog på vejledningen:</source>
        <translation>Sheet la&amp;nguage:</translation>
    </message>
    <message>
        <source>Sprog på vejledningen til borgeren</source>
        <translation>Language of the citizen&apos;s sheet</translation>
    </message>
    <message>
        <source>Udskriv og Gem som PDF laver vejledningen på dette sprog</source>
        <translation>Print and Save as PDF make the sheet in this language</translation>
    </message>
    <message>
        <source>Vejledningen er sendt til %1.</source>
        <translation>The guide has been sent to %1.</translation>
    </message>
    <message>
        <source>Vejledningen kunne ikke udskrives, og PDF-viseren kunne ikke åbnes. Filen ligger i %1</source>
        <translation>The guide could not be printed, and the PDF viewer could not be opened. The file is in %1</translation>
    </message>
    <message>
        <source>Vejledningen kunne ikke gemmes: %1</source>
        <translation>The guide could not be saved: %1</translation>
    </message>
    <message>
        <source>Skranke</source>
        <translation>Skranke</translation>
    </message>
</context>
<context>
    <name>HoursModel</name>
    <message>
        <source>Mandag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tirsdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Lørdag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Søndag</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 – skranke %2</source>
        <translation>%1 – counter %2</translation>
    </message>
    <message>
        <source>Sider</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Skifter mellem skranken og ledelsen: Alt+S og Alt+L, eller Ctrl+Tab</source>
        <translation>Switches between the counter and the manager page: Alt+S and Alt+L, or Ctrl+Tab</translation>
    </message>
    <message>
        <source>&amp;Skranke</source>
        <translation>&amp;Counter</translation>
    </message>
    <message>
        <source>&amp;Ledelse</source>
        <translation>&amp;Management</translation>
    </message>
    <message>
        <source>&amp;Filer</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Udgiv øjebliksbillede nu</source>
        <translation>&amp;Publish a snapshot now</translation>
    </message>
    <message>
        <source>Saml s&amp;kranker…</source>
        <translation>Com&amp;bine desks…</translation>
    </message>
    <message>
        <source>Skranke og &amp;fælles mappe…</source>
        <translation>Desk and shared &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Indstillinger…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Hjælp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Om Skranke</source>
        <translation>&amp;About Skranke</translation>
    </message>
    <message>
        <source>Status for udgivelse af øjebliksbillede</source>
        <translation>Status of the snapshot publication</translation>
    </message>
    <message>
        <source>Indstillingerne er gemt. Ændringerne gælder, når Skranke startes igen.</source>
        <translation>The settings were saved. The changes apply when Skranke is started again.</translation>
    </message>
    <message>
        <source>Indstillingerne er gemt.</source>
        <translation>The settings were saved.</translation>
    </message>
    <message>
        <source>Om Skranke</source>
        <translation>About Skranke</translation>
    </message>
    <message>
        <source>%1 %2

Registrering af henvendelser i borgerservice.

Journal: %3</source>
        <translation>%1 %2

Logging of walk-in contacts at the citizen service counter.

Journal: %3</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <source>Skranke</source>
        <translation>Skranke</translation>
    </message>
    <message>
        <source>Viser tallene for én skranke eller for alle skranker</source>
        <translation>Shows the figures for one desk or for all desks</translation>
    </message>
    <message>
        <source>Alle skranker</source>
        <translation>All desks</translation>
    </message>
    <message>
        <source>&amp;Importér digitale tal…</source>
        <translation>&amp;Import digital counts…</translation>
    </message>
    <message>
        <source>Importér digitale tal fra CSV</source>
        <translation>Import digital counts from CSV</translation>
    </message>
    <message>
        <source>Læser antallet af digitale ansøgninger pr. ærinde fra en CSV-fil, så andelene kan regnes</source>
        <translation>Reads the number of digital applications per errand from a CSV file, so the shares can be worked out</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Eksportér optælling som CSV</source>
        <translation>Export the tally as CSV</translation>
    </message>
    <message>
        <source>Gemmer optællingen for den valgte periode og skranke som CSV-fil</source>
        <translation>Saves the tally for the chosen period and desk as a CSV file</translation>
    </message>
    <message>
        <source>&amp;Excel…</source>
        <translation>&amp;Excel…</translation>
    </message>
    <message>
        <source>Eksportér til Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Gemmer optællingen for den valgte periode og skranke som Excel-projektmappe</source>
        <translation>Saves the tally for the chosen period and desk as an Excel workbook</translation>
    </message>
    <message>
        <source>P&amp;DF-rapport…</source>
        <translation>P&amp;DF report…</translation>
    </message>
    <message>
        <source>Eksportér PDF-rapport</source>
        <translation>Export a PDF report</translation>
    </message>
    <message>
        <source>Gemmer en PDF-rapport med nøgletal, andele og friktionspunkter for perioden</source>
        <translation>Saves a PDF report with key figures, shares and friction points for the period</translation>
    </message>
    <message>
        <source>S&amp;kranke:</source>
        <translation>Des&amp;k:</translation>
    </message>
    <message>
        <source>Nøgletal</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>Ærinde</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Henvendelser</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Henvendelser pr. ærinde</source>
        <translation>Contacts per errand</translation>
    </message>
    <message>
        <source>Pil op og ned vælger et ærinde; dets årsager og resultater vises ved siden af</source>
        <translation>Up and down arrows choose an errand; its reasons and outcomes are shown beside it</translation>
    </message>
    <message>
        <source>Ærinder fordelt på årsager</source>
        <translation>Errands by reason</translation>
    </message>
    <message>
        <source>Et ærinde pr. række, en årsag pr. kolonne. Enter viser ærindet under fanen Ærinder</source>
        <translation>One errand per row, one reason per column. Enter shows the errand on the Errands tab</translation>
    </message>
    <message>
        <source>Ærinder fordelt på resultater</source>
        <translation>Errands by outcome</translation>
    </message>
    <message>
        <source>Et ærinde pr. række, et resultat pr. kolonne. Enter viser ærindet under fanen Ærinder</source>
        <translation>One errand per row, one outcome per column. Enter shows the errand on the Errands tab</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Andel</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Borgere</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <source>Bestilt tid</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Henvendelser pr. kanal</source>
        <translation>Contacts per channel</translation>
    </message>
    <message>
        <source>Antal henvendelser og andel for hver kanal i perioden</source>
        <translation>Number of contacts and share for each channel in the period</translation>
    </message>
    <message>
        <source>Søjlediagram: henvendelser pr. kanal</source>
        <translation>Bar chart: contacts per channel</translation>
    </message>
    <message>
        <source>Digitale</source>
        <translation>Digital</translation>
    </message>
    <message>
        <source>I skranken</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>Selvbetjening</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <source>Digital andel</source>
        <translation>Digital share</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Mod mål (80 %)</source>
        <translation>Against the goal (80 %)</translation>
    </message>
    <message>
        <source>Digital andel mod målet pr. ærinde</source>
        <translation>Digital share against the goal per errand</translation>
    </message>
    <message>
        <source>Digitale og fremmødte sager pr. ærinde mod målet på 80 %. Enter viser ærindet</source>
        <translation>Digital and counter cases per errand against the 80 % goal. Enter shows the errand</translation>
    </message>
    <message>
        <source>Søjlediagram: digital andel mod målet</source>
        <translation>Bar chart: digital share against the goal</translation>
    </message>
    <message>
        <source>Mørk søjle: digital andel · lys søjle: selvbetjeningsandel · stiplet streg: målet på 80 %</source>
        <translation>Dark bar: digital share · light bar: self-service share · dashed line: the 80 % goal</translation>
    </message>
    <message>
        <source>Henvendelser pr. ugedag og time</source>
        <translation>Contacts per weekday and hour</translation>
    </message>
    <message>
        <source>En ugedag pr. række, en time pr. kolonne: hvornår der er travlt i skranken</source>
        <translation>One weekday per row, one hour per column: when the counter is busy</translation>
    </message>
    <message>
        <source>Optællinger</source>
        <translation>Tallies</translation>
    </message>
    <message>
        <source>Vælger hvilken optælling der vises. Pil venstre og højre eller Ctrl+Tab skifter</source>
        <translation>Chooses which tally is shown. Left and right arrows or Ctrl+Tab switch</translation>
    </message>
    <message>
        <source>Ærinder</source>
        <translation>Errands</translation>
    </message>
    <message>
        <source>Ærinder × årsager</source>
        <translation>Errands × reasons</translation>
    </message>
    <message>
        <source>Ærinder × resultater</source>
        <translation>Errands × outcomes</translation>
    </message>
    <message>
        <source>Kanaler</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Friktionspunkter</source>
        <translation>Friction points</translation>
    </message>
    <message>
        <source>Ugedag × time</source>
        <translation>Weekday × hour</translation>
    </message>
    <message>
        <source>Tæller op …</source>
        <translation>Counting …</translation>
    </message>
    <message>
        <source>Optællingen mislykkedes: %1</source>
        <translation>Counting failed: %1</translation>
    </message>
    <message>
        <source>Skjul antal under </source>
        <translation>Hide counts below </translation>
    </message>
    <message>
        <source>Vis alle antal</source>
        <translation>Show all counts</translation>
    </message>
    <message>
        <source>Diskretion</source>
        <translation>Discretion</translation>
    </message>
    <message>
        <source>Skjuler små antal og de tal, de kan regnes ud fra, som i udtræk til offentliggørelse. 0 viser alle antal</source>
        <translation>Hides small counts and the figures they could be worked out from, as in exports for publication. 0 shows all counts</translation>
    </message>
</context>
<context>
    <name>OpenVisits</name>
    <message>
        <source>Uafsluttet besøg</source>
        <translation>Unfinished visit</translation>
    </message>
    <message>
        <source>Et besøg fra %1 blev ikke afsluttet: %2.
Vil du afslutte det nu?</source>
        <translation>A visit from %1 was not finished: %2.
Do you want to finish it now?</translation>
    </message>
    <message>
        <source>&amp;Afslut besøget</source>
        <translation>&amp;Finish the visit</translation>
    </message>
    <message>
        <source>&amp;Kassér det</source>
        <translation>&amp;Discard it</translation>
    </message>
</context>
<context>
    <name>PivotModel</name>
    <message>
        <source>Ærinde</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>I alt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>Publisher</name>
    <message>
        <source>Ingen fælles mappe er valgt; øjebliksbilledet er ikke udgivet.</source>
        <translation>No shared folder is chosen; the snapshot was not published.</translation>
    </message>
    <message>
        <source>Øjebliksbillede udgivet kl. %1</source>
        <translation>Snapshot published at %1</translation>
    </message>
    <message>
        <source>den fælles mappe kan ikke findes (offline?)</source>
        <translation>the shared folder cannot be found (offline?)</translation>
    </message>
    <message>
        <source>ingen adgang til den fælles mappe</source>
        <translation>no access to the shared folder</translation>
    </message>
    <message>
        <source>den fælles mappe er fuld</source>
        <translation>the shared folder is full</translation>
    </message>
    <message>
        <source>det forrige øjebliksbillede er i brug</source>
        <translation>the previous snapshot is in use</translation>
    </message>
    <message>
        <source>journalen kunne ikke læses</source>
        <translation>the journal could not be read</translation>
    </message>
    <message>
        <source>skrankens navn eller sted blev afvist (CPR-nummer?)</source>
        <translation>the desk&apos;s name or site was refused (a CPR number?)</translation>
    </message>
    <message>
        <source>signeringsnøglen kunne ikke læses</source>
        <translation>the signing key could not be read</translation>
    </message>
    <message>
        <source>en fejl ved skrivning</source>
        <translation>an error while writing</translation>
    </message>
    <message>
        <source>Øjebliksbillede ikke udgivet: %1. Prøver igen om %2 min.</source>
        <translation>Snapshot not published: %1. Trying again in %2 min.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Indstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Skrankens navn</source>
        <translation>Desk name</translation>
    </message>
    <message>
        <source>Navnet på denne skranke i statistikken, fx skranke-3</source>
        <translation>The name of this desk in the statistics, e.g. desk-3</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Borgerservicens navn eller adresse</source>
        <translation>The citizen service&apos;s name or address</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kommunens navn på udskrifter</source>
        <translation>The municipality&apos;s name on printouts</translation>
    </message>
    <message>
        <source>Hjælpelinje</source>
        <translation>Help line</translation>
    </message>
    <message>
        <source>Telefon eller web til borgerservice på udskrifter</source>
        <translation>Phone or web address of the citizen service on printouts</translation>
    </message>
    <message>
        <source>Fælles mappe</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <source>Mappen hvor skranken lægger sin kopi af journalen</source>
        <translation>The folder where this desk publishes its copy of the journal</translation>
    </message>
    <message>
        <source>Vælg fælles mappe</source>
        <translation>Choose the shared folder</translation>
    </message>
    <message>
        <source>Åbner en mappevælger til den fælles mappe</source>
        <translation>Opens a folder picker for the shared folder</translation>
    </message>
    <message>
        <source>Katalogfil</source>
        <translation>Catalogue file</translation>
    </message>
    <message>
        <source>Tom: det medfølgende katalog. Ellers en TOML-fil med ærinder</source>
        <translation>Empty: the catalogue that comes with Skranke. Otherwise a TOML file with errands</translation>
    </message>
    <message>
        <source>Vælg katalogfil</source>
        <translation>Choose the catalogue file</translation>
    </message>
    <message>
        <source>Åbner en filvælger til katalogfilen (TOML)</source>
        <translation>Opens a file picker for the catalogue file (TOML)</translation>
    </message>
    <message>
        <source>Besøg er som udgangspunkt</source>
        <translation>Visits are by default</translation>
    </message>
    <message>
        <source>Hvad et nyt besøg registreres som; F3 skifter for det enkelte besøg</source>
        <translation>What a new visit is logged as; F3 switches it for one visit</translation>
    </message>
    <message>
        <source>Uden tidsbestilling</source>
        <translation>Drop-in</translation>
    </message>
    <message>
        <source>Tidsbestilt</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Fil med referencetal</source>
        <translation>Reference figures file</translation>
    </message>
    <message>
        <source>Tom: de medfølgende landstal fra 2012. Ellers kommunens egen CSV-fil med kolonnerne errand, share, kind, place, year, source</source>
        <translation>Empty: the shipped national figures from 2012. Otherwise the municipality&apos;s own CSV file with the columns errand, share, kind, place, year, source</translation>
    </message>
    <message>
        <source>Medfølgende landstal (2012)</source>
        <translation>Shipped national figures (2012)</translation>
    </message>
    <message>
        <source>Vælg fil med referencetal</source>
        <translation>Choose reference figures file</translation>
    </message>
    <message>
        <source>Åbner en filvælger til filen med referencetal (CSV)</source>
        <translation>Opens a file chooser for the reference figures file (CSV)</translation>
    </message>
    <message>
        <source> dage</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Opbevaring af noter i dage</source>
        <translation>Days to keep notes</translation>
    </message>
    <message>
        <source>Korte noter slettes fra journalen efter så mange dage</source>
        <translation>Short notes are deleted from the journal after this many days</translation>
    </message>
    <message>
        <source>Mappe til sikkerhedskopier</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Tom: mappen backups i Skrankes datamappe. Gerne en mappe på et andet drev</source>
        <translation>Empty: the backups folder in Skranke&apos;s data folder. Preferably a folder on another drive</translation>
    </message>
    <message>
        <source>Vælg mappe til sikkerhedskopier</source>
        <translation>Choose backup folder</translation>
    </message>
    <message>
        <source>Åbner en mappevælger til sikkerhedskopierne</source>
        <translation>Opens a folder picker for the backups</translation>
    </message>
    <message>
        <source> kopier</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>Antal sikkerhedskopier, der gemmes</source>
        <translation>Number of backups kept</translation>
    </message>
    <message>
        <source>Skranke tager én kopi af journalen om dagen og gemmer de nyeste, 1 til 365</source>
        <translation>Skranke makes one copy of the journal a day and keeps the newest, 1 to 365</translation>
    </message>
    <message>
        <source>Sprog</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Skifter sprog, næste gang Skranke starter</source>
        <translation>Changes the language the next time Skranke starts</translation>
    </message>
    <message>
        <source>Fejl i indstillingerne</source>
        <translation>Problems in the settings</translation>
    </message>
    <message>
        <source>Sprog, skrankens navn og katalog skifter, næste gang Skranke starter.</source>
        <translation>Language, desk name and catalogue change the next time Skranke starts.</translation>
    </message>
    <message>
        <source>Gennemse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>&amp;Skrankens navn:</source>
        <translation>&amp;Desk name:</translation>
    </message>
    <message>
        <source>S&amp;ted:</source>
        <translation>S&amp;ite:</translation>
    </message>
    <message>
        <source>Ko&amp;mmune:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Hjælpelinje:</source>
        <translation>&amp;Help line:</translation>
    </message>
    <message>
        <source>&amp;Fælles mappe:</source>
        <translation>Shared &amp;folder:</translation>
    </message>
    <message>
        <source>&amp;Katalogfil:</source>
        <translation>Ca&amp;talogue file:</translation>
    </message>
    <message>
        <source>Besøg er som &amp;udgangspunkt:</source>
        <translation>Visits are by &amp;default:</translation>
    </message>
    <message>
        <source>&amp;Referencetal:</source>
        <translation>&amp;Reference figures:</translation>
    </message>
    <message>
        <source>&amp;Opbevar noter i:</source>
        <translation>&amp;Keep notes for:</translation>
    </message>
    <message>
        <source>Mappe til sikkerhe&amp;dskopier:</source>
        <translation>&amp;Backup folder:</translation>
    </message>
    <message>
        <source>A&amp;ntal sikkerhedskopier:</source>
        <translation>&amp;Number of backups:</translation>
    </message>
    <message>
        <source>S&amp;prog:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Katalog (*.toml)</source>
        <translation>Catalogue (*.toml)</translation>
    </message>
    <message>
        <source>Referencetal (*.csv)</source>
        <translation>Reference figures (*.csv)</translation>
    </message>
    <message>
        <source>Skriv et navn til skranken.</source>
        <translation>Type a name for the desk.</translation>
    </message>
    <message>
        <source>Den fælles mappe %1 findes ikke.</source>
        <translation>The shared folder %1 does not exist.</translation>
    </message>
    <message>
        <source>Antal sikkerhedskopier skal være mellem %1 og %2.</source>
        <translation>The number of backups must be between %1 and %2.</translation>
    </message>
    <message numerus="yes">
        <source>Katalogfilen kan ikke bruges (%n fejl). Ret filen, eller lad feltet stå tomt for at bruge det medfølgende katalog:</source>
        <translation>
            <numerusform>The catalogue file cannot be used (%n problem). Correct the file, or leave the field empty to use the catalogue that comes with Skranke:</numerusform>
            <numerusform>The catalogue file cannot be used (%n problems). Correct the file, or leave the field empty to use the catalogue that comes with Skranke:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… og %n flere.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Filen med referencetal %1 kan ikke læses.</source>
        <translation>The reference figures file %1 cannot be read.</translation>
    </message>
    <message>
        <source>Filen med referencetal %1 har ingen brugbare linjer. Den skal have kolonnerne errand, share, kind, place, year, source.</source>
        <translation>The reference figures file %1 has no usable lines. It must have the columns errand, share, kind, place, year, source.</translation>
    </message>
    <message>
        <source>Skriv hele stien til mappen til sikkerhedskopier, ikke kun „%1“.</source>
        <translation>Write the full path of the backup folder, not just “%1”.</translation>
    </message>
    <message>
        <source>%1 er en fil, ikke en mappe. Vælg en mappe til sikkerhedskopierne.</source>
        <translation>%1 is a file, not a folder. Choose a folder for the backups.</translation>
    </message>
    <message>
        <source>Mappen %1 kan ikke oprettes eller skrives i. Vælg en anden mappe til sikkerhedskopierne.</source>
        <translation>The folder %1 cannot be created or written to. Choose another folder for the backups.</translation>
    </message>
    <message>
        <source>Kan ikke gemme: </source>
        <translation>Cannot save: </translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Trin i vejledningen</source>
        <translation>Steps of the guide</translation>
    </message>
    <message>
        <source>Enter eller U: udført. F: sidder fast. O: spring over. R: vælg resultat.</source>
        <translation>Enter or U: done. F: stuck. O: skip. R: pick the outcome.</translation>
    </message>
    <message>
        <source>ikke markeret</source>
        <translation>not marked</translation>
    </message>
    <message>
        <source>udført</source>
        <translation>done</translation>
    </message>
    <message>
        <source>sidder fast</source>
        <translation>stuck</translation>
    </message>
    <message>
        <source>sprunget over</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Sidder fast: %1</source>
        <translation>Stuck: %1</translation>
    </message>
    <message>
        <source>Trin %1, %2: %3</source>
        <translation>Step %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Ærinde</source>
        <translation>Errand</translation>
    </message>
    <message>
        <source>Årsag</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Dagens besøg</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <source>Enter retter det valgte besøg</source>
        <translation>Enter corrects the selected visit</translation>
    </message>
    <message numerus="yes">
        <source>I dag: %n besøg</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
    <message>
        <source>1 borger</source>
        <translation>1 citizen</translation>
    </message>
    <message numerus="yes">
        <source>%n borgere</source>
        <translation>
            <numerusform>%n citizen</numerusform>
            <numerusform>%n citizens</numerusform>
        </translation>
    </message>
    <message>
        <source>Besøget kl. %1 er rettet.</source>
        <translation>The visit at %1 was corrected.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Ingen andele i perioden</source>
        <translation>No shares in the period</translation>
    </message>
</context>
<context>
    <name>WeekRangePicker</name>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Vælger ugerne, tallene gælder: denne uge, sidste uge, de sidste 4 uger eller en valgfri periode</source>
        <translation>Chooses the weeks the figures cover: this week, last week, the last 4 weeks or a custom period</translation>
    </message>
    <message>
        <source>Denne uge</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Sidste uge</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>Sidste 4 uger</source>
        <translation>Last 4 weeks</translation>
    </message>
    <message>
        <source>Valgfri periode</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>Fra uge</source>
        <translation>From week</translation>
    </message>
    <message>
        <source>Periodens første uge, skrevet som 2026-W48. Kan rettes, når perioden er valgfri</source>
        <translation>The first week of the period, written as 2026-W48. Editable when the period is custom</translation>
    </message>
    <message>
        <source>Til uge</source>
        <translation>To week</translation>
    </message>
    <message>
        <source>Periodens sidste uge, skrevet som 2026-W48. Enter eller Tab viser tallene</source>
        <translation>The last week of the period, written as 2026-W48. Enter or Tab shows the figures</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>fra</source>
        <translation>from</translation>
    </message>
    <message>
        <source>til</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Skriv ugerne som 2026-W48, og &apos;fra&apos; før &apos;til&apos;.</source>
        <translation>Write the weeks as 2026-W48, and &apos;from&apos; before &apos;to&apos;.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Katalogfilen kan ikke bruges:
%1</source>
        <translation>The catalogue file cannot be used:
%1</translation>
    </message>
    <message>
        <source>Der skete en uventet fejl. Dine gemte besøg er ikke berørt.
Detaljer er skrevet i %1</source>
        <translation>An unexpected error occurred. Your saved visits are not affected.
Details were written to %1</translation>
    </message>
    <message>
        <source>Journalen {path} er skrevet af en nyere version af Skranke. Opdatér Skranke, før du åbner den. Filen er ikke ændret.</source>
        <translation>The journal {path} was written by a newer version of Skranke. Update Skranke before you open it. The file has not been changed.</translation>
    </message>
    <message>
        <source>Journalen {path} er beskadiget eller ikke en Skranke-journal. Filen er ikke ændret.</source>
        <translation>The journal {path} is damaged or not a Skranke journal. The file has not been changed.</translation>
    </message>
    <message>
        <source>Der findes ingen journal på {path}.</source>
        <translation>There is no journal at {path}.</translation>
    </message>
    <message>
        <source>Journalen {path} er optaget (en sikkerhedskopi eller et andet program bruger den). Besøget er ikke gemt; det står stadig på skærmen. Prøv igen om lidt.</source>
        <translation>The journal {path} is busy (a backup or another program is using it). The visit was not saved; it is still on the screen. Try again in a moment.</translation>
    </message>
    <message>
        <source>Journalen {path} kan ikke skrives (skrivebeskyttet eller manglende rettigheder). Besøget er ikke gemt; det står stadig på skærmen.</source>
        <translation>The journal {path} cannot be written (read-only or missing permissions). The visit was not saved; it is still on the screen.</translation>
    </message>
    <message>
        <source>Disken med journalen {path} er fuld. Besøget er ikke gemt; det står stadig på skærmen.</source>
        <translation>The disk with the journal {path} is full. The visit was not saved; it is still on the screen.</translation>
    </message>
    <message>
        <source>Besøget findes ikke længere i journalen.</source>
        <translation>The visit no longer exists in the journal.</translation>
    </message>
    <message>
        <source>Teksten indeholder noget, der ligner et CPR-nummer, og er ikke gemt. Fjern det, og prøv igen; besøget står stadig på skærmen.</source>
        <translation>The text contains what looks like a CPR number and was not saved. Remove it and try again; the visit is still on the screen.</translation>
    </message>
    <message>
        <source>Journalen {path} kan ikke skrives (skrivebeskyttet disk, mappe eller fil, eller manglende rettigheder). Den er ikke beskadiget, og intet er ændret. Bed IT om skriveadgang; udtræk kan laves med &apos;deskapp export&apos;.</source>
        <translation>The journal {path} cannot be written (a read-only disk, folder or file, or no permission). It is not damaged, and nothing was changed. Ask IT for write access; exports can be made with &apos;deskapp export&apos;.</translation>
    </message>
    <message>
        <source>Står der en dato med et klokkeslæt eller et beløb lige efter, ligner det et CPR-nummer: skriv „kl.“ foran klokkeslættet, fx 22.09 kl. 11.</source>
        <translation>A date followed directly by a time or an amount looks like a CPR number: write “kl.” before the time, e.g. 22.09 kl. 11.</translation>
    </message>
    <message>
        <source>{what} indeholder noget, der ligner et CPR-nummer ({masked}). Et navn står på hvert besøg og i filnavne og må ikke indeholde personoplysninger.</source>
        <translation>{what} contains what looks like a CPR number ({masked}). A name goes on every visit and into file names and must hold no personal data.</translation>
    </message>
    <message>
        <source>{what} er for langt ({n} tegn). Højst {limit} tegn.</source>
        <translation>{what} is too long ({n} characters). At most {limit} characters.</translation>
    </message>
    <message>
        <source>Noten er for lang ({n} tegn). Højst {limit} tegn.</source>
        <translation>The note is too long ({n} characters). At most {limit} characters.</translation>
    </message>
    <message>
        <source>noget, der ligner et CPR-nummer (tegn {first}-{last}: {masked})</source>
        <translation>what looks like a CPR number (characters {first}-{last}: {masked})</translation>
    </message>
    <message>
        <source>en e-mailadresse (tegn {first}-{last}: {masked})</source>
        <translation>an e-mail address (characters {first}-{last}: {masked})</translation>
    </message>
    <message>
        <source>et telefonnummer (tegn {first}-{last}: {masked})</source>
        <translation>a phone number (characters {first}-{last}: {masked})</translation>
    </message>
    <message>
        <source>Skranke</source>
        <translation>Skranke</translation>
    </message>
    <message>
        <source>Kontrollér noten</source>
        <translation>Check the note</translation>
    </message>
    <message>
        <source>Noten indeholder {what}. Fjern det, før du gemmer: journalen er statistik og må ikke indeholde personoplysninger.</source>
        <translation>The note contains {what}. Remove it before you save: the journal is statistics and must not contain personal data.</translation>
    </message>
    <message>
        <source>Noten ser ud til at indeholde kontaktoplysninger ({what}). Gem alligevel?</source>
        <translation>The note seems to contain contact details ({what}). Save anyway?</translation>
    </message>
</context>
</TS>
