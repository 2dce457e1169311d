"""The dates stage on real sentences: a table of (expression, sentence, anchor, type, value).

``REAL`` sentences come from openly licensed news: Wikinews (public domain before 2005-09-25,
and CC BY 2.5 articles of the GUM corpus: https://en.wikinews.org, see
../shared/data/news/MANIFEST.tsv for titles and URLs) and Voice of America (US public
domain). ``NEWSWIRE`` covers the families those texts lack (quarters, fiscal years, decades
with modifiers, clock times, sets, tense-driven weekdays); its sentences are written in
newswire style for this table. ``NOT_DATES`` lists expressions that must not be tagged.

Each sentence goes through the whole pipeline with ``published`` set to the anchor; the
expected type and value follow TimeML as annotated in TimeBank (see DESIGN.md): "Friday
night" is a DATE valued ``...TNI``, durations of a decade are ``P10Y``, vague amounts ``X``.
"""

from __future__ import annotations

import pytest

REAL = [
    ('two day', "Meanwhile, as VOA West Africa Correspondent Purnell Murdock reports, General Abacha's supporters began a two day rally in the capital, Abuja, to urge him to compete in this year's election.", '1998-03-03', 'DURATION', 'P2D'),
    ('this year', "Meanwhile, as VOA West Africa Correspondent Purnell Murdock reports, General Abacha's supporters began a two day rally in the capital, Abuja, to urge him to compete in this year's election.", '1998-03-03', 'DATE', '1998'),
    ('the past year', 'A new report says there has been a dramatic rise in the growth of hate groups in the United States over the past year.', '1998-03-03', 'DATE', '1997'),
    ('More recently', 'More recently it has followed the growth of the militia movement and church groups that preach a message of white supremacy and anti-semitism.', '1998-03-03', 'DATE', 'PAST_REF'),
    ('last year', "The new study written by Mark Potach, who edits the Southern Poverty Law Center's Intelligence Report, warns that such groups grew rapidly last year, mostly by recruiting younger members.", '1998-03-03', 'DATE', '1997'),
    ('the nineties', 'We in fact have seen hate group numbers dropping through the nineties, uh but this year they jumped up uh twenty percent, quite a dramatic rise.', '1998-03-03', 'DATE', '199'),
    ('the year two thousand', 'The approach of the year two thousand has many of these groups in a kind of millennial frenzy.', '1998-03-03', 'DATE', '2000'),
    ('now', 'Law enforcement authorities say such reports are likely to increase as police departments are now beginning to more accurately report hate crimes than they have in the past.', '1998-03-03', 'DATE', 'PRESENT_REF'),
    ('the past', 'Law enforcement authorities say such reports are likely to increase as police departments are now beginning to more accurately report hate crimes than they have in the past.', '1998-03-03', 'DATE', 'PAST_REF'),
    ("International Women's Day", "International Women's Day is this coming Sunday, March eighth.", '1998-03-05', 'DATE', '1998-03-08'),
    ('this coming Sunday, March eighth', "International Women's Day is this coming Sunday, March eighth.", '1998-03-05', 'DATE', '1998-03-08'),
    ('twenty years', "Afghanistan has been at war for twenty years, leaving a large part of the country's male population dead or in exile.", '1998-03-05', 'DURATION', 'P20Y'),
    ('the past twenty years', 'Ms. Atimadi says Afghan women have been victims of severe violations of human rights for the past twenty years and she says she sees no end to the misery.', '1998-03-05', 'DURATION', 'P20Y'),
    ('today', 'And today, the right to work is equal to r- the right to survival.', '1998-03-05', 'DATE', '1998-03-05'),
    ('recently', 'The US government recently announced new regulations designed to change the way transplant organs are made available to sick patients.', '1998-03-31', 'DATE', 'PAST_REF'),
    ('Currently', 'Currently, transplant organs are rationed through a regional system of distribution.', '1998-03-31', 'DATE', 'PRESENT_REF'),
    ('several years', 'Doctor James Burdick, the Professor of Transplant Surgery at Johns Hopkins University Hospital in Baltimore, Maryland, and former President of UNOS, said the current system has evolved over several years and it works well.', '1998-03-31', 'DURATION', 'PXY'),
    ('each year', 'Nationwide, there are about ten thousand patients waiting for liver transplants each year and only four thousand organs become available for transplants.', '1998-03-31', 'SET', 'P1Y'),
    ('five months ago', 'Secretary Shalala says UNOS five months ago, or gave them five months to develop a new plan to distribute livers which are in the shortest supply.', '1998-03-31', 'DATE', '1997-10'),
    ('next week', "Israeli Prime Minister Benjamin Netanyahu says considerable gaps remain between Israeli and Palestinian positions before next week's talks in London.", '1998-05-01', 'DATE', '1998-W19'),
    ('Saturday, November 13, 2004', 'Saturday, November 13, 2004', '2004-11-13', 'DATE', '2004-11-13'),
    ('November 13, 2004', 'The delegation representing Brazil at the funeral of Yasser Arafat returned today, November 13, 2004.', '2004-11-13', 'DATE', '2004-11-13'),
    ('April 2004', 'Jamil Murad had visited Yasser Arafat in April 2004, along with nine other Brazilian deputies.', '2004-11-13', 'DATE', '2004-04'),
    ('5:30 PM', 'BRASÍLIA, Brazil – Mr. Luiz Inácio Lula da Silva, the President of Brazil, met with the President of the Republic of Korea Mr. Roh Moo-hyun at 5:30 PM at the Palacio do Planalto (Plateau Palace), the Presidential official residence, in Brasilia, Brasil.', '2004-11-16', 'TIME', '2004-11-16T17:30'),
    ('8:00 PM', 'At 8:00 PM there was a dinner with Brazilian and South Korean Presidents and comitive.', '2004-11-16', 'TIME', '2004-11-16T20:00'),
    ('November 9, 2004', 'Mozilla Firefox 1.0, a free open-source web browser, has been released on November 9, 2004 by the Mozilla Foundation.', '2004-11-16', 'DATE', '2004-11-09'),
    ('tomorrow', 'November 17, Brisbane, Australia - The Australian cricket team has brashly talked up their chances of winning the first trans-Tasman test, which is due to begin in Brisbane tomorrow.', '2004-11-17', 'DATE', '2004-11-18'),
    ('Wednesday morning', 'Discount retailer Kmart Corp. announced Wednesday morning it will buy department store operator Sears, Roebuck & Co..', '2004-11-17', 'TIME', '2004-11-17TMO'),
    ('three years', 'Sears CEO Alan Lacy, speaking about the deal, promised up to $500 million a year in savings within three years from improved efficient, greater purchasing power and possible store closures.', '2004-11-17', 'DURATION', 'P3Y'),
    ('Wednesday', 'Shares of both companies soared after the announcement, Sears was up 22 percent on Wednesday, whilst Kmart gained 15 percent.', '2004-11-17', 'DATE', '2004-11-17'),
    ('last week', "Tenuous relations between Japan and the People's Republic of China were strained last week when a Chinese nuclear-powered submarine entered Japanese territorial waters southwest of Okinawa.", '2004-11-18', 'DATE', '2004-W46'),
    ('10 November', 'The intrusion occurred on 10 November, Japanese time (UTC+9).', '2004-11-18', 'DATE', '2004-11-10'),
    ('two hours', "The submarine was quickly spotted by Japan's Self-Defence Forces and was tracked by helicopter as it wandered in Japanese waters for two hours before moving north-west.", '2004-11-18', 'DURATION', 'PT2H'),
    ('the 1950s', 'It is a nuclear-powered submarine designed in the 1950s and first built in the 1974.', '2004-11-18', 'DATE', '195'),
    ('1974', 'It is a nuclear-powered submarine designed in the 1950s and first built in the 1974.', '2004-11-18', 'DATE', '1974'),
    ('17 November', 'On 17 November, Chinese Vice Foreign Minister Wu Daiwei met with the Japanese ambassador to China Anami Koreshige in Beijing and offered an apology for the incident, stating that the submarine was on a training mission and the intrusion was due to a "technical error" and was "regrettable."', '2004-11-18', 'DATE', '2004-11-17'),
    ('later this month', 'Japanese Prime Minister Koizumi Junichiro has publicly stated he wishes to speak with Chinese President Hu Jintao about this and other matters of Sino-Japanese contention at the upcoming annual Asia-Pacific Economic Cooperation summit in Chile later this month.', '2004-11-18', 'DATE', '2004-11'),
    ('this Christmas', "In the United Kingdom, the music video for this Christmas' remake of the charity single Do They Know It's Christmas? was launched simultaneously today (Thursday) on several UK and Irish television channels including BBC One, BBC Two, RTE 1, ITV1, Channel 4, and Sky One.", '2004-11-18', 'DATE', '2004-12-25'),
    ('17:55 GMT', 'The debut was made at 17:55 GMT.', '2004-11-18', 'TIME', '2004-11-18T17:55'),
    ('This year', "This year, in celebration of 20 years since the first single, the song has been remade by over 50 of today's best selling artists, including Coldplay frontman Chris Martin, Robbie Williams, Bono, Justin Hawkins of The Darkness and Dido.", '2004-11-18', 'DATE', '2004'),
    ('20 years', "This year, in celebration of 20 years since the first single, the song has been remade by over 50 of today's best selling artists, including Coldplay frontman Chris Martin, Robbie Williams, Bono, Justin Hawkins of The Darkness and Dido.", '2004-11-18', 'DURATION', 'P20Y'),
    ('Thursday', "In the United Kingdom, the music video for this Christmas' remake of the charity single Do They Know It's Christmas? was launched simultaneously today (Thursday) on several UK and Irish television channels including BBC One, BBC Two, RTE 1, ITV1, Channel 4, and Sky One.", '2004-11-18', 'DATE', '2004-11-18'),
    ('the 29 November', 'The single will be available to buy in shops from the 29 November.', '2004-11-18', 'DATE', '2004-11-29'),
    ('Friday, November 19th', 'Four National Basketball Association players have been suspended indefinitely for their actions during a brawl at the end of the Friday, November 19th game between the Detroit Pistons and the Indiana Pacers.', '2004-11-20', 'DATE', '2004-11-19'),
    ('Sunday', "Ron Artest, Jermaine O'Neal and Stephen Jackson of the Pacers and Ben Wallace of the Pistons learned of the length of their suspensions on Sunday.", '2004-11-20', 'DATE', '2004-11-14'),
    ('45.9 seconds', 'The brawl began with 45.9 seconds left in the game, as Ben Wallace shoved Ron Artest after a particularly hard foul by Artest.', '2004-11-20', 'DURATION', 'PT45.9S'),
    ('2002', 'He was suspended 5 times during the 2002-2003 season.', '2004-11-20', 'DATE', '2002'),
    ('2003', 'He was suspended 5 times during the 2002-2003 season.', '2004-11-20', 'DATE', '2003'),
    ('last week', 'Senator John McCain (R-AZ) entered them into the Congressional Record during a speech last week against the now-cancelled deal to lease 100 mid-air tanker aircraft from Boeing.', '2004-11-24', 'DATE', '2004-W47'),
    ('October', 'Congressional lawmakers rejected the proposal in October, although industry experts say the deal had been killed by the Pentagon because of reports stating that the deal had favored Boeing.', '2004-11-24', 'DATE', '2004-10'),
    ('recent years', 'Airbus manufacturers a number of passenger and military aircraft and has gained market share in passenger aircraft over Boeing in recent years.', '2004-11-24', 'DATE', 'PAST_REF'),
    ('the next few years', 'I had hoped you would have stayed and tortured him slowly over the next few years until EADS got rid of him!', '2004-11-24', 'DURATION', 'PXY'),
    ('six more years', 'He does not believe that economically viable cooling technology will be available for at least four to six more years.', '2004-11-28', 'DURATION', 'P6Y'),
    ('1999', 'Gusenbauer leads the SPOE since 1999.', '2004-11-30', 'DATE', '1999'),
    ('this week', 'United States President George W. Bush made his first official state visit to Canada this week.', '2004-11-30', 'DATE', '2004-W49'),
    ('the future', 'Topics discussed included the U.S. "Star Wars" missile defence system, the future of NORAD (North American Aerospace Defence Command), combatting of AIDS and other diseases in Africa, and cracking down on illegal activities on the U.S.-Canada border.', '2004-11-30', 'DATE', 'FUTURE_REF'),
    ('Tuesday', 'Protesters clashed with riot police in Ottawa briefly on Tuesday in a break from what has been for the most part a calm series of demonstrations.', '2004-11-30', 'DATE', '2004-11-30'),
    ('26-hour', "The official 26-hour visit will take the American President to Canada's capital city, Ottawa and to Halifax, where he will pay tribute to the hospitality shown by Canadians on September 11, 2001, when, after the U.S. closed its airspace, more than 200 flights were diverted to Canadian airports.", '2004-11-30', 'DURATION', 'PT26H'),
    ('September 11, 2001', "The official 26-hour visit will take the American President to Canada's capital city, Ottawa and to Halifax, where he will pay tribute to the hospitality shown by Canadians on September 11, 2001, when, after the U.S. closed its airspace, more than 200 flights were diverted to Canadian airports.", '2004-11-30', 'DATE', '2001-09-11'),
    ('Dec. 20', 'It is now scheduled to launch Dec. 20 or 21 from pad SLC-37B.', '2004-12-13', 'DATE', '2004-12-20'),
    ('the last 50 years', 'The study is based upon climate activity during the last 50 years, which can only be replicated with computer models which include human forcing (CO2 and other greenhouse gases (GHGs)).', '2004-12-04', 'DURATION', 'P50Y'),
    ('the summer of 2003', 'However, even within a warmer world the summer of 2003 was anomalously warm in Europe.', '2004-12-04', 'DATE', '2003-SU'),
    ('2050', 'If there will be a warming trend, a model predicts that such summers could become an event of 1-in-2 probability only by 2050.', '2004-12-04', 'DATE', '2050'),
    ('Monday, December 6', 'The bomb was hidden inside a small bag, accompanied by a note signed by ETA, and was set to explode at 13:30 on Monday, December 6, a national holiday to celebrate the Spanish Constitution.', '2004-12-05', 'DATE', '2004-12-06'),
    ('Friday', 'The Civil Guard calculated that the device carried less than 200 grams of explosive, about the same amount as the bombs placed in 5 gas stations in Madrid on Friday, according to "El Mundo".', '2004-12-05', 'DATE', '2004-12-03'),
    ('1901', 'She is the first African woman to win the Peace prize, and the 12th woman to win the prize since its inception in 1901.', '2004-12-10', 'DATE', '1901'),
    ('seven years', 'For seven years she was the director of the Red Cross in Kenya, and is most known for founding the Green Belt Movement — a non-governmental organization dedicated to environmental conservation and protecting forests.', '2004-12-10', 'DURATION', 'P7Y'),
    ('the next year', "In 2002 — after Moi's Kenya African National Union party lost the presidential race — she was elected to Parliament, and was appointed deputy minister of environment for the new government the next year, a position she holds today.", '2004-12-10', 'DATE', '2003'),
    ('five-year', "The party's candidate, Armando Guebuza, was elected to the presidential post for the five-year term starting in 2005 with 63.7% of the vote.", '2004-12-22', 'DURATION', 'P5Y'),
    ('December 1', "The election was held on December 1 and 2, 2004, and the results were officially announced yesterday by the country's National Elections Committee (CNE).", '2004-12-22', 'DATE', '2004-12-01'),
    ('yesterday', "The election was held on December 1 and 2, 2004, and the results were officially announced yesterday by the country's National Elections Committee (CNE).", '2004-12-22', 'DATE', '2004-12-21'),
    ('one week', 'The party has one week to appeal the election results.', '2004-12-22', 'DURATION', 'P1W'),
    ('early December', 'In total, 39,000 shanties have been flattened, displacing over 200,000 people, in the city’s biggest-ever demolition drive, which began in early December.', '2004-12-25', 'DATE', '2004-12'),
    ('earlier this month', 'This policy is controversial due to areas of poverty within the country, and the smuggling of genetically modified grains into the country earlier this month.', '2004-12-22', 'DATE', '2004-12'),
    ('November 21, 2004', 'This latest round of voting was to replace the results of the second run-off election held on November 21, 2004.', '2004-12-27', 'DATE', '2004-11-21'),
    ('January 25, 2005', 'The warnings are set to expire on January 25, 2005, and urge citizens to postpone all non-essential travel to the regions.', '2004-12-27', 'DATE', '2005-01-25'),
    ('last week', "The six - member Afghan team, which consists entirely of girls, had been denied visas to enter the United States until last week, drawing notice from critics of U.S. President Donald Trump's policies regarding Muslims traveling to the U.S.", '2017-07-18', 'DATE', '2017-W28'),
    ('nearly two decades', "According to Afghan Ambassador to the United States Hamdullah Mohib, the participation of this team in this science competition shows progress in Afghanistan's response to nearly two decades of military conflict.", '2017-07-18', 'DURATION', 'P20Y'),
    ('this week', 'The first FIRST Global robotics competition was held this week in Washington D.C. Image: United States Navy.', '2017-07-18', 'DATE', '2017-W29'),
    ('Seventeen years ago', '"Seventeen years ago, this would not have been possible at all," said Ambassador Mohib.', '2017-07-18', 'DATE', '2000'),
    ('four months', 'Every team in the contest was sent a collection of robot parts roughly four months in advance of the competition.', '2017-07-18', 'DURATION', 'P4M'),
    ('two weeks', "The Afghan team's supplies were delayed, leaving them only two weeks left to assemble their robot and only one day to test it before packing it up to mail to the competition site.", '2017-07-18', 'DURATION', 'P2W'),
    ('every year', 'This is the first FIRST Global competition, and the organization plans to hold the contest in a different country every year.', '2017-07-18', 'SET', 'P1Y'),
    ('Next year', "Next year's competition is scheduled to take place in Mexico City.", '2017-07-18', 'DATE', '2018'),
    ('Friday', 'On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the Indonesian Navy reportedly saved 200 more after they were found swimming along the coast of Aceh, Indonesia.', '2015-05-18', 'DATE', '2015-05-15'),
    ('currently', 'Estimates suggest 8000 migrants may be currently at sea in the region.', '2015-05-18', 'DATE', 'PRESENT_REF'),
    ('last week', "News of police response to a boy's digital clock in Texas last week has inspired a global social movement in support of the youth.", '2015-09-22', 'DATE', '2015-W38'),
    ('Yesterday', 'Yesterday Mohamed received VIP attention at Google headquarters in California at the Google Science Fair — and tomorrow he plans to meet international dignitaries at the United Nations headquarters in New York.', '2015-09-22', 'DATE', '2015-09-21'),
    ('tomorrow', 'Yesterday Mohamed received VIP attention at Google headquarters in California at the Google Science Fair — and tomorrow he plans to meet international dignitaries at the United Nations headquarters in New York.', '2015-09-22', 'DATE', '2015-09-23'),
    ('September 14', 'Mohamed brought the digital clock he made to school on September 14, and a teacher mistakenly thought it resembled a bomb.', '2015-09-22', 'DATE', '2015-09-14'),
    ('this weekend', "Mohamed was a VIP guest at the Google Science Fair this weekend, and was able to meet finalists at the event held at Google's headquarters located in Mountain View, California.", '2015-09-22', 'DATE', '2015-W38-WE'),
    ('Wednesday', 'On Wednesday, Mohamed and his father are to travel to the United Nations.', '2015-09-22', 'DATE', '2015-09-23'),
    ('yesterday', "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 or more and wounding 238, according to Saudi Arabia's Civil Defense Authority.", '2015-09-12', 'DATE', '2015-09-11'),
    ('yesterday afternoon', 'The accident, which occurred yesterday afternoon, was caused by strong winds and heavy rain that led the crane to fall.', '2015-09-12', 'TIME', '2015-09-11TAF'),
    ('ten days', "The crane accident comes just ten days before the beginning of the Hajj, the annual pilgrimage to Mecca, Islam's holiest site.", '2015-09-12', 'DURATION', 'P10D'),
    ('September 2010', 'Daniel Montalvo in September 2010, after having left the elite group within Scientology called the Sea Org.', '2010-10-09', 'DATE', '2010-09'),
    ('Thursday', 'He was released on US$ 20,000 bail on Thursday.', '2010-10-09', 'DATE', '2010-10-07'),
    ('the next 30 hours', 'The next thing Daniel knows he\'s in a cell where he sat for the next 30 hours."', '2010-10-09', 'DURATION', 'PT30H'),
    ('September 24', 'Whitmore stated Montalvo left Scientology-related employment in Los Angeles on September 24.', '2010-10-09', 'DATE', '2010-09-24'),
    ('Sunday', 'The Hong Kong legislative election was held on Sunday, with a record-breaking turnout of around 2 million voters and turnout rate of 58%.', '2016-09-09', 'DATE', '2016-09-04'),
    ('22:30', 'At a polling station in Taikoo of the Hong Kong Island constituency, after the polls closed at 22:30, with the long queues outside the station the last ballot there was cast at 2:30 the next day, four hours after the last person was allowed to join the queue.', '2016-09-09', 'TIME', '2016-09-09T22:30'),
    ('the next day', 'At a polling station in Taikoo of the Hong Kong Island constituency, after the polls closed at 22:30, with the long queues outside the station the last ballot there was cast at 2:30 the next day, four hours after the last person was allowed to join the queue.', '2016-09-09', 'DATE', '2016-09-10'),
    ('20-minute', "In the 20-minute PlayStation VR demonstration of Batman: Arkham VR, players are dropped down a secret elevator in Bruce Wayne's manor, to the Bat Cave, to suit up.", '2016-09-07', 'DURATION', 'PT20M'),
    ('nearly half an hour', 'After nearly half an hour, the team was deducted a point, leading to a sudden but temporary rush of success by the US team.', '2016-09-07', 'DURATION', 'PT30M'),
    ('Tuesday', 'Thursday, May 7, 2015 On Tuesday, the New Zealand government announced the start of a public process to suggest designs for a new national flag, and determine whether their citizens would prefer a different national flag over the current one.', '2015-05-07', 'DATE', '2015-05-05'),
    ('May 16', "The government's Flag Consideration Project has planned a number of conferences and roadshows as part of this process, with the first meeting set to take place in Christchurch on May 16.", '2015-05-07', 'DATE', '2015-05-16'),
    ('November 20', 'The first referendum is to be held from November 20 to December 11, selecting a single new flag design out of about four finalists.', '2015-05-07', 'DATE', '2015-11-20'),
    ('Wednesday', 'The attack was launched on Wednesday by a user labelled "Anonymous", on the website "Insurgency Wiki", a spinoff of 4chan.', '2008-01-20', 'DATE', '2008-01-16'),
    ('that time', "At that time, one in three visits to the site came from BBC News, and the website increased to number 3 in the company Hitwise UK's Lifestyle-Religion category.", '2008-01-20', 'DATE', 'PAST_REF'),
    ('the last five months', 'By the end, Gloria\'s eczema was so severe that her skin broke every time her parents changed her clothes or nappy, and in the words of the Crown prosecutor, Mark Tedeschi, QC, "Gloria spent a lot of the last five months of her life crying, irritable, scratching and the only thing that gave her solace was to suck on her mother\'s breast."', '2009-05-08', 'DURATION', 'P5M'),
    ('the past 30 days', 'PC World\'s recent analysis of its own web traffic statistics concluded, "Usually, Internet Explorer is the #2 browser after Firefox, but over the past 30 days it\'s been #3, a couple of points behind Safari - and nearly tied with Chrome.', '2011-03-08', 'DURATION', 'P30D'),
    ('March 4, 2011', 'The Internet security firm Secunia.com, has said that as of March 4, 2011, IE6 has 277 vulnerabilities; 39 percent of these are rated "highly critical".', '2011-03-08', 'DATE', '2011-03-04'),
    ('July 2003', 'A cross-sectional survey of 1709 schoolchildren - aged 8–10 years, from 88 schools - was carried out in New South Wales, Victoria, South Australia, Western Australia and Queensland, between July 2003 and December 2004.', '2006-02-23', 'DATE', '2003-07'),
    ('December 2004', 'A cross-sectional survey of 1709 schoolchildren - aged 8–10 years, from 88 schools - was carried out in New South Wales, Victoria, South Australia, Western Australia and Queensland, between July 2003 and December 2004.', '2006-02-23', 'DATE', '2004-12'),
    ('daily', '"Pregnant women in Australia are getting about half as much as what they require on a daily basis.', '2006-02-23', 'SET', 'P1D'),
    ('Thursday afternoon', '"War maniacs of the South Korean puppet military made another grave provocation to the DPRK in the central western sector of the front on Thursday afternoon.', '2015-08-21', 'TIME', '2015-08-20TAF'),
    ('48 hours', '"Commanders of the Korean People\'s Army were hastily dispatched to the front-line troops to command military operations to destroy psychological warfare tools if the enemy does not stop the propaganda broadcast within 48 hours and prepare against the enemy\'s possible counteractions", added KCNA.', '2015-08-21', 'DURATION', 'PT48H'),
    ('11-year', 'South Korea had recently started to broadcast propaganda from loudspeakers after an 11-year lull.', '2015-08-21', 'DURATION', 'P11Y'),
    ('August 10', 'The broadcasts began on August 10 and South Korea says the broadcasts will continue.', '2015-08-21', 'DATE', '2015-08-10'),
    ('Saturday Night', 'Taipei, Taiwan — The Taipei City Lantern Festival was off to a bright start on Saturday Night as hundreds of thousands of people crowded onto the Chiang Kai Shek Memorial near downtown Taipei to witness city mayor Hau Lung-bin and other dignitaries ceremoniously flip the switch to light hundreds of colorful lantern scenes in and around the 240,000 square meter memorial park.', '2007-03-05', 'TIME', '2007-03-03TNI'),
    ('Sunday night', 'A sudden rain storm on Sunday night (March 4) caused a mass exodus of people to head for the station prompting lines that backed up into the street.', '2007-03-05', 'TIME', '2007-03-04TNI'),
    ('March 4', 'A sudden rain storm on Sunday night (March 4) caused a mass exodus of people to head for the station prompting lines that backed up into the street.', '2007-03-05', 'DATE', '2007-03-04'),
    ('March 11 this year', 'The festival runs through March 11 this year.', '2007-03-05', 'DATE', '2007-03-11'),
    ('Tuesday', 'NASA celebrated the launch of the first space shuttle Tuesday at an event at the Kennedy Space Center (KSC) in Cape Canaveral, Florida.', '2011-04-13', 'DATE', '2011-04-12'),
    ('April 12, 1981', 'On April 12, 1981, Space Shuttle Columbia lifted off from the Kennedy Space Center on STS-1, the first space shuttle mission.', '2011-04-13', 'DATE', '1981-04-12'),
    ('last month', 'Discovery has already been retired following the completion of STS-133 last month, its 39th mission.', '2011-04-13', 'DATE', '2011-03'),
    ('April 29', 'Space Shuttle Endeavour, which will launch on STS-134 at the end of the month on April 29, will be sent to the California Science Center in Los Angeles, California following its retirement.', '2011-04-13', 'DATE', '2011-04-29'),
    ('June 28', "Finally, Atlantis will go on display at the Kennedy Space Center Visitor Complex following the orbiter's last flight which launches June 28.", '2011-04-13', 'DATE', '2011-06-28'),
    ('73 seconds', 'Space Shuttle Challenger was lost when it exploded 73 seconds after liftoff back on January 28, 1986 killing all six aboard.', '2011-04-13', 'DURATION', 'PT73S'),
    ('January 28, 1986', 'Space Shuttle Challenger was lost when it exploded 73 seconds after liftoff back on January 28, 1986 killing all six aboard.', '2011-04-13', 'DATE', '1986-01-28'),
    ('the last 30 years', 'As the home of modern day air travel and the 747, which has gracefully transported shuttles for the last 30 years, Seattle would have been a perfect fit.', '2011-04-13', 'DURATION', 'P30Y'),
    ('last summer', 'The United Kingdom Home Office today is to begin issuing questionnaires in place of official interviews to determine refugee status for some 12,000 asylee hopefuls from Afghanistan, Eritrea, Libya, Syria and Yemen who applied before last summer.', '2023-02-23', 'DATE', '2022-SU'),
    ('September 2021', "A similar fast-track system backed by the British Red Cross in September 2021 for 3,000 Afghan refugees was reportedly rejected by Prime Minister Boris Johnson over fears it would amount to amnesty, which the Home Office today rejects, and strain the UK's welfare and housing systems.", '2023-02-23', 'DATE', '2021-09'),
    ('next month', 'Sunak has made tackling migration one of his main priorities, with laws banning illegal migrants from claiming asylum in the UK expected next month.', '2023-02-23', 'DATE', '2023-03'),
    ('two years ago', 'Labour\'s Shadow Home Secretary Yvette Cooper said her party has supported the idea "for months", and said it was "damning that the Home Office isn\'t doing this already [...] including for safe countries like Albania" after the United Nations High Commissioner for Refugees "recommended it two years ago.', '2023-02-23', 'DATE', '2021'),
    ('March', "In March, a bundle of blueprints for a new headquarters for the military's counterterrorism unit were found stuffed in the trash on a downtown street.", '2008-08-15', 'DATE', '2008-03'),
    ('May', 'In May, Maxime Bernier was forced to resign as Foreign Affairs minister after it became known that he left sensitive documents at the apartment of his then-girlfriend Julie Couillard who had ties to the Hells Angels biker gang.', '2008-08-15', 'DATE', '2008-05'),
    ('1958', "This was Sweden's first victory in the opening match of the World Cup since 1958.", '2018-06-18', 'DATE', '1958'),
    ('Last week', 'Last week, at least 76 people were killed when the Al-Ghaza Hotel near the Masjid Al-Haram (Grand Mosque) collasped, the cause of which is unknown.', '2006-01-12', 'DATE', '2006-W01'),
    ('the past few days', 'In the past few days in Italy, several municipalities have started asking religious schools to pay taxes for property and local services, despite the resistance of the Catholic Church.', '2015-08-02', 'DURATION', 'PXD'),
    ('July 8', 'The request of the municipalities results from the sentence of the Italian Supreme Court of Cassation on July 8, recognising as legitimate the request of the Municipality of Livorno asking religious schools to pay property taxes.', '2015-08-02', 'DATE', '2015-07-08'),
    ('January 23, 2014', 'Opening night, January 23, 2014, of the Andy Warhol exhibit of Polaroids and screen prints at the University of Southern Indiana.', '2014-01-28', 'DATE', '2014-01-23'),
    ('This past week', 'Evansville, Indiana, United States - This past week marked the opening night of an Andy Warhol exhibit at the University of Southern Indiana.', '2014-01-28', 'DATE', '2014-W04'),
    ('every ten years', 'Institutional recipients, said Mauer, are required to exhibit their donated Warhol photographs every ten years as one stipulation.', '2014-01-28', 'SET', 'P10Y'),
    ('fifteen minutes', 'University collections across the United States also include Polaroids of "unknowns" who have not yet had their fifteen minutes of fame.', '2014-01-28', 'DURATION', 'PT15M'),
    ('the 1960s', "Warhol was close to important touchstones of the 1960s, including art, music, consumer culture, fashion, and celebrity worship, which were all buzzwords and images Wikinews observed at USI's opening exhibit.", '2014-01-28', 'DATE', '196'),
    ('the sixties', 'So even back in the sixties, he was very aware of this part of our culture.', '2014-01-28', 'DATE', '196'),
    ('Thursday night', 'Kiara Perkins, a second year USI art major, admitted she was willing to skip class Thursday night to attend the opening exhibit but then circumstances allowed for her to attend the exhibit.', '2014-01-28', 'TIME', '2014-01-23TNI'),
    ('the 20th century', 'He said, "Andy Warhol was the center of the Zeitgeist for the 20th century and everything since.', '2014-01-28', 'DATE', '19'),
    ('yesterday', 'The study was published in journal Nature Climate Change yesterday.', '2014-07-28', 'DATE', '2014-07-27'),
    ('1989', 'Results of NCLAN studies, published in a paper by AS Heagle in 1989, show dicot species, such as soybean, cotton, and peanut, lose more yield from ozone than do monocot species such as sorghum, field corn, and winter wheat.', '2014-07-28', 'DATE', '1989'),
    ('Today', 'Today, about 100,000 Greeks worship the ancient gods, such as Zeus, Hera, Poseidon, Aphrodite, and Athena.', '2006-03-27', 'DATE', '2006-03-27'),
]

NEWSWIRE = [
    # Quarters, halves and fiscal years, with the quarter under discussion carried along.
    ("the third quarter", "Unisys posted a loss of $648 million for the third quarter.", "1989-10-30", "DATE", "1989-Q3"),
    ("third-quarter", "The company reported third-quarter net income of $27 million.", "1989-11-01", "DATE", "1989-Q3"),
    ("the fourth quarter", "Profit is expected to improve in the fourth quarter, the company said.", "1989-10-26", "DATE", "1989-Q4"),
    ("the fourth quarter", "Sales fell 8% in the fourth quarter, the company said.", "1990-02-06", "DATE", "1989-Q4"),
    ("the first quarter of 1990", "Results for the first quarter of 1990 will be released in April.", "1989-11-01", "DATE", "1990-Q1"),
    ("the year-ago quarter", "Net income rose from $36 million in the year-ago quarter.", "1989-10-26", "DATE", "1988-Q3"),
    ("the latest quarter", "Revenue in the latest quarter rose 9%.", "1989-10-26", "DATE", "1989-Q3"),
    ("fiscal 1989", "In fiscal 1989, the company earned $7.8 million.", "1989-11-02", "DATE", "1989"),
    ("the first half of 1990", "The plant will close in the first half of 1990.", "1989-11-02", "DATE", "1990-H1"),
    ("the first nine months", "In the first nine months, profit fell 2%.", "1989-11-02", "DURATION", "P9M"),
    # Years, ranges, decades and centuries with their modifiers.
    ("1994", "Abortion providers were shot between 1994 and 1997.", "1999-05-07", "DATE", "1994"),
    ("1997", "Abortion providers were shot between 1994 and 1997.", "1999-05-07", "DATE", "1997"),
    ("2024", "Azerbaijan will chair the conference in 2024-2026.", "2024-12-11", "DATE", "2024"),
    ("2026", "Azerbaijan will chair the conference in 2024-2026.", "2024-12-11", "DATE", "2026"),
    ("late 2023", "The bridge is due to open in late 2023.", "2022-05-01", "DATE", "2023"),
    ("early next year", "The merger should close early next year.", "1989-10-27", "DATE", "1990"),
    ("the mid-1990s", "The program ran until the mid-1990s.", "2004-11-20", "DATE", "199"),
    ("the early 1980s", "Inflation peaked in the early 1980s.", "1998-02-06", "DATE", "198"),
    ("the '80s", "Sales grew through the '80s.", "1989-10-26", "DATE", "198"),
    ("the 19th century", "The mosque was built in the 19th century.", "1998-01-21", "DATE", "18"),
    ("the end of 1990", "Costs will be cut in half by the end of 1990.", "1989-10-30", "DATE", "1990"),
    ("mid-1990", "The new plant will open in mid-1990.", "1989-10-30", "DATE", "1990"),
    ("nineteen ninety-six", "In nineteen ninety-six a bomb exploded at the Olympics.", "1998-02-27", "DATE", "1996"),
    # Months and seasons, resolved by the clause's tense.
    ("December 17 of this year", "The meeting is scheduled for December 17 of this year.", "2024-12-11", "DATE", "2024-12-17"),
    ("December 17", "The ministers will meet on December 17 in Baku.", "2024-11-20", "DATE", "2024-12-17"),
    ("October", "The company was sold in October.", "1999-05-05", "DATE", "1998-10"),
    ("January", "The loans will run through January.", "1989-10-30", "DATE", "1990-01"),
    ("early December", "Talks resumed in early December.", "1998-12-20", "DATE", "1998-12"),
    ("mid-November", "Shipments will resume in mid-November.", "1989-11-01", "DATE", "1989-11"),
    ("last fall", "The strike began last fall.", "1989-04-10", "DATE", "1988-FA"),
    ("next spring", "The law takes effect next spring.", "1998-11-02", "DATE", "1999-SP"),
    ("this summer", "Elections are due this summer.", "1998-02-05", "DATE", "1998-SU"),
    ("last May", "The treaty was signed last May.", "1998-02-27", "DATE", "1997-05"),
    ("this September", "With the election due this September, turnout could be high.", "1998-02-05", "DATE", "1998-09"),
    ("Christmas", "The store expects record sales before Christmas.", "1998-11-18", "DATE", "1998-12-25"),
    ("Thanksgiving Day", "The boy was found on Thanksgiving Day off the Florida coast.", "2000-01-07", "DATE", "1999-11-25"),
    # Weekdays: tense picks the week; the article's own weekday is the article's date.
    ("Friday", "The ministers will meet on Friday in Geneva.", "1998-02-10", "DATE", "1998-02-13"),
    ("Friday", "The ministers met on Friday in Geneva.", "1998-02-10", "DATE", "1998-02-06"),
    ("Tuesday", "The group planned to leave Nairobi on Tuesday.", "1998-09-30", "DATE", "1998-10-06"),
    ("Monday", "The sale is scheduled to close Monday.", "1989-11-02", "DATE", "1989-11-06"),
    ("Wednesday", "The court ruled on Wednesday.", "2000-01-05", "DATE", "2000-01-05"),
    ("next Tuesday", "Voters go to the polls next Tuesday.", "1998-10-29", "DATE", "1998-11-03"),
    ("last Friday", "Shares fell last Friday.", "1989-11-02", "DATE", "1989-10-27"),
    ("Thursday evening", "Police arrested the man Thursday evening.", "1998-02-13", 'TIME', "1998-02-12TEV"),
    ("Friday morning", "The blast occurred Friday morning.", "1998-08-08", 'TIME', "1998-08-07TMO"),
    ("this morning", "The minister arrived this morning.", "1998-03-02", "TIME", "1998-03-02TMO"),
    ("tonight", "The president will speak tonight.", "1998-01-27", "TIME", "1998-01-27TNI"),
    ("the year before", "Prices fell in 2014 after rising the year before.", "2015-05-07", "DATE", "2013"),
    ("the previous day", "Rebels attacked the town the previous day.", "1998-03-08", "DATE", "1998-03-07"),
    ("the day before yesterday", "The plane left the day before yesterday.", "1998-03-08", "DATE", "1998-03-06"),
    ("the weekend", "Officials confirmed over the weekend that troops had landed.", "1990-08-13", "DATE", "1990-W32-WE"),
    # Clock times.
    ("10:30 a.m. local time", "The blast occurred at 10:30 a.m. local time.", "1998-08-07", "TIME", "1998-08-07T10:30"),
    ("9 a.m. Tuesday", "The family has until 9 a.m. Tuesday to respond.", "2000-04-03", "TIME", "2000-04-04T09:00"),
    ("noon", "The rally began at noon.", "1998-03-03", "TIME", "1998-03-03T12:00"),
    ("midnight Friday", "The offer will expire at midnight Friday.", "1989-10-30", "TIME", "1989-11-03T00:00"),
    # Relative periods and ago-expressions.
    ("two years ago", "The company was founded two years ago.", "1989-11-01", "DATE", "1987"),
    ("three weeks ago", "The rebels seized the town three weeks ago.", "1998-03-05", "DATE", "1998-W07"),
    ("two days ago", "The ship sank two days ago.", "1998-03-05", "DATE", "1998-03-03"),
    ("A decade ago", "A decade ago the countries were rivals.", "1999-03-12", "DATE", "1989"),
    ("a year earlier", "Net income rose to $25 million from $20 million a year earlier.", "1989-10-26", "DATE", "1988"),
    ("a few years ago", "The machines were removed a few years ago.", "1998-02-12", "DATE", "PAST_REF"),
    ("last month", "Inflation slowed last month.", "1998-01-08", "DATE", "1997-12"),
    ("this month", "Lawmakers introduced the bill this month.", "2000-02-10", "DATE", "2000-02"),
    ("earlier this year", "The firm adopted the plan earlier this year.", "1989-11-02", "DATE", "1989"),
    ("next year", "The plant will close next year.", "1989-10-30", "DATE", "1990"),
    ("last week", "The index fell 3% last week.", "1998-08-11", "DATE", "1998-W32"),
    ("the past decade", "Attacks had become routine over the past decade.", "1998-10-25", "DURATION", "P10Y"),
    ("this century", "It was the worst disaster of this century.", "1999-03-13", "DATE", "19"),
    # Durations.
    ("48 hours", "The army was given 48 hours to withdraw.", "1998-03-01", "DURATION", "PT48H"),
    ("three years", "He served three years in prison.", "1998-03-01", "DURATION", "P3Y"),
    ("a month", "The talks lasted a month.", "1998-03-01", "DURATION", "P1M"),
    ("the past two months", "Prices rose in the past two months.", "1998-03-01", "DURATION", "P2M"),
    ("more than four hours", "The meeting lasted more than four hours.", "1998-03-01", "DURATION", "PT4H"),
    ("at least 30 days", "The banks must wait at least 30 days.", "1989-10-26", "DURATION", "P30D"),
    ("5 1/2 hours", "She spent 5 1/2 hours in Nairobi.", "1998-08-17", "DURATION", "PT5H30M"),
    ("two decades", "Unemployment is at its lowest in two decades.", "1998-02-06", "DURATION", "P20Y"),
    ("years", "He had not seen his relatives for years.", "2000-02-24", "DURATION", "PXY"),
    ("recent months", "Officials have voiced concern in recent months.", "1998-04-02", "DURATION", "PXM"),
    # Sets.
    ("every week", "The council meets every week.", "1998-03-01", "SET", "P1W"),
    ("weekly", "The paper is published weekly.", "1998-03-01", "SET", "P1W"),
    ("each Thursday", "The market opens each Thursday.", "1998-03-01", "SET", "XXXX-WXX-4"),
    ("twice a year", "The board meets twice a year.", "1998-03-01", "SET", "P1Y"),
    ("Tuesday nights", "Flights leave Bombay on Tuesday nights.", "1998-02-13", "SET", "XXXX-WXX-2TNI"),
    # References to the present, past and future.
    ("now", "The company now holds 15% of the shares.", "1989-11-02", "DATE", "PRESENT_REF"),
    ("the near future", "The unit will be sold in the near future.", "1989-11-01", "DATE", "FUTURE_REF"),
    ("Nowadays", "Nowadays few people use the line.", "1998-03-01", "DATE", "PRESENT_REF"),
    ("the past", "Russia has often claimed the region in the past.", "1998-02-27", "DATE", "PAST_REF"),
]

# Expressions that are not temporal: ordinals, ages, scores, counts, money, names, halves of a match.
NOT_DATES = [
    ("25th", "The statement marks the 25th Anniversary of the conference.", "2024-12-11"),
    ("44", "James Kopp, 44, was charged with the slaying.", "1999-05-06"),
    ("6-year-old", "The 6-year-old boy was returned to his father.", "2000-04-17"),
    ("six years", "The boy is six years old.", "2000-04-17"),
    ("10 years", "Schoolchildren aged 8-10 years took part in the survey.", "2006-02-23"),
    ("a year", "The preferred stock would pay a dividend of $1.76 a year.", "1989-11-02"),
    ("1,200", "About 1,200 troops were deployed.", "1998-03-01"),
    ("1709", "A survey of 1709 schoolchildren was carried out.", "2006-02-23"),
    ("day five", "World Cup 2018 day five: Sweden win three points.", "2018-06-18"),
    ("the second half", "In the second half, Hwang was booked for a foul.", "2018-06-18"),
    ("20th minute", "In the 20th minute, Berg missed a chance.", "2018-06-18"),
    ("a second", "Kane scored a second goal for England.", "2018-06-18"),
    ("Weekly", "He told LA Weekly that the case was closed.", "2010-10-09"),
    ("three-quarters", "The plan won three-quarters of the vote.", "2016-09-09"),
    ("may", "Officials said the talks may resume.", "1998-03-01"),
    ("March", "Thousands joined the March for Life.", "1999-01-22"),
    ("2018", "Sweden won their opening match at the World Cup 2018 in Russia.", "2018-06-18"),
]


@pytest.fixture(scope="module")
def tagged(nlp):
    """Every sentence of the tables through the pipeline once, keyed by (sentence, anchor)."""
    keys = sorted({(c[1], c[2]) for c in REAL + NEWSWIRE} | {(c[1], c[2]) for c in NOT_DATES})
    docs = []
    for sentence, anchor in keys:
        doc = nlp.make_doc(sentence)
        doc._.published = anchor
        docs.append(doc)
    return {key: list(doc._.dates) for key, doc in zip(keys, nlp.pipe(docs))}


def test_timex_tables_cover_every_family():
    assert len(REAL) + len(NEWSWIRE) >= 150
    values = {c[4] for c in REAL + NEWSWIRE}
    for needle in ("-Q", "-H", "-SU", "-FA", "-WE", "TNI", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "PT", "X"):
        assert any(needle in v for v in values), needle
    assert {c[3] for c in REAL + NEWSWIRE} == {"DATE", "TIME", "DURATION", "SET"}


@pytest.mark.parametrize(("expression", "sentence", "anchor", "type_", "value"), REAL + NEWSWIRE)
def test_timex_type_and_value(tagged, expression, sentence, anchor, type_, value):
    dates = tagged[(sentence, anchor)]
    found = [d for d in dates if d["text"] == expression]
    assert found, f"{expression!r} not found; tagged: {[d['text'] for d in dates]}"
    assert (found[0]["type"], found[0]["value"]) == (type_, value)
    assert found[0]["anchor"] == anchor


@pytest.mark.parametrize(("expression", "sentence", "anchor"), NOT_DATES)
def test_timex_not_a_date(tagged, expression, sentence, anchor):
    start = sentence.index(expression)
    end = start + len(expression)
    dates = tagged[(sentence, anchor)]
    assert not [d for d in dates if d["start"] < end and start < d["end"]], dates
