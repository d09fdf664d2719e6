<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="da">
<context>
    <name>CounterPage</name>
    <message>
        <source>Søg ærinde</source>
        <translation>Search errand</translation>
    </message>
    <message>
        <source>Skriv ærinde, fx flytning – Enter vælger</source>
        <translation>Type the errand, e.g. moving – Enter picks it</translation>
    </message>
    <message>
        <source>Enter vælger det øverste fundne ærinde, pil op og ned vælger et andet</source>
        <translation>Enter picks the first matching errand, arrow up and down pick another</translation>
    </message>
    <message>
        <source>Fundne ærinder</source>
        <translation>Matching errands</translation>
    </message>
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
        <source>Tidligere tidspunkt</source>
        <translation>Earlier time</translation>
    </message>
    <message>
        <source>Registrér med tidligere tidspunkt</source>
        <translation>Log with an earlier time</translation>
    </message>
    <message>
        <source>Besøgets starttidspunkt</source>
        <translation>Start time of the visit</translation>
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
        <source>Dagens besøg</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <source>Enter retter det valgte besøg</source>
        <translation>Enter corrects the selected visit</translation>
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
    <message>
        <source>Dagens besøg (Enter retter det valgte)</source>
        <translation>Today&apos;s visits (Enter corrects the selected one)</translation>
    </message>
    <message>
        <source>Intet ærinde matcher „%1“.</source>
        <translation>No errand matches “%1”.</translation>
    </message>
    <message>
        <source>Tidspunktet %1 ligger i fremtiden.</source>
        <translation>The time %1 is in the future.</translation>
    </message>
    <message>
        <source>Gemt: %1 · %2 · %3 (Ctrl+Z fortryder)</source>
        <translation>Saved: %1 · %2 · %3 (Ctrl+Z undoes)</translation>
    </message>
    <message>
        <source>Kontrollér noten</source>
        <translation>Check the note</translation>
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
        <source>Besøget kl. %1 er rettet.</source>
        <translation>The visit at %1 was corrected.</translation>
    </message>
    <message>
        <source>Kanal: %1</source>
        <translation>Channel: %1</translation>
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
        <source>3. %1: vælg resultatet med et tal – det gemmer besøget.</source>
        <translation>3. %1: pick the outcome with a digit – that saves the visit.</translation>
    </message>
    <message>
        <source>I dag: %1 besøg</source>
        <translation>Today: %1 visits</translation>
    </message>
    <message>
        <source>Skranke</source>
        <translation>Skranke</translation>
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
        <source>Note</source>
        <translation>Note</translation>
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
    <message>
        <source>Skranke</source>
        <translation>Skranke</translation>
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
        <source>&amp;Skranke</source>
        <translation>&amp;Counter</translation>
    </message>
    <message>
        <source>&amp;Filer</source>
        <translation>&amp;File</translation>
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
        <source>&amp;Opbevar noter i:</source>
        <translation>&amp;Keep notes for:</translation>
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
        <source>Skriv et navn til skranken.</source>
        <translation>Type a name for the desk.</translation>
    </message>
    <message>
        <source>Den fælles mappe %1 findes ikke.</source>
        <translation>The shared folder %1 does not exist.</translation>
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
        <source>Kan ikke gemme: </source>
        <translation>Cannot save: </translation>
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
        <source>Journalen {path} er optaget (en sikkerhedskopi eller et andet program bruger den). Prøv igen om lidt.</source>
        <translation>The journal {path} is busy (a backup or another program is using it). Try again in a moment.</translation>
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
        <source>Noten er for lang ({n} tegn). Højst {limit} tegn.</source>
        <translation>The note is too long ({n} characters). At most {limit} characters.</translation>
    </message>
    <message>
        <source>et CPR-nummer ({text})</source>
        <translation>a CPR number ({text})</translation>
    </message>
    <message>
        <source>en e-mailadresse ({text})</source>
        <translation>an e-mail address ({text})</translation>
    </message>
    <message>
        <source>et telefonnummer ({text})</source>
        <translation>a phone number ({text})</translation>
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
