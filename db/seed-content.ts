/**
 * Demo content for a fresh Blogstead install: a fictional allotment blog, "Notes from Plot 17".
 * Everything here is original and invented; names, places and websites are fictional
 * (links point at example.org). Dates are relative to the moment the seed runs; the text
 * is written as if "now" were late November.
 */

export type DemoComment = {
  name: string;
  website?: string; // optional https URL
  body: string; // plain text, paragraphs separated by '\n\n'; never HTML
  hoursAfter: number; // hours after the post (or after the parent comment, for replies)
  byAuthor?: boolean; // true when the blog's own author replies
  replies?: DemoComment[]; // one level only: replies never have replies
};

export type DemoPost = {
  title: string;
  daysAgo: number; // days before "now" that it was published
  labels: string[]; // 1-3 labels, exact case
  body: string; // HTML; passes through sanitizePostHtml when seeded
  comments: DemoComment[];
};

export const demoBlog = {
  title: 'Notes from Plot 17',
  description:
    'Vegetables, weather, mended tools and whatever ends up in the pan, from one half-plot on the Fernside Road allotments.',
  authorName: 'Ruth Calder',
  authorEmail: 'ruth.calder@example.com',
  authorBio:
    'Ruth Calder has rented plot 17 at Fernside Road since 2014 and has still never grown a cauliflower worth photographing. She cooks, bottles and swaps seeds in a cold, hilly northern city, and writes here mostly when it is too wet to dig.',
  headerAdsHtml: '',
};

const RUTH = 'Ruth Calder';
const MIRA = { name: 'Mira Okafor', website: 'https://example.org/~mira' };
const DENNIS = { name: 'Dennis (plot 4)' };
const JO = { name: 'Jo Whitlock', website: 'https://example.org/jo-grows' };
const TOM = { name: 'Tom Kettering', website: 'https://example.org/tinkering' };
const PRIYA = { name: 'Priya' };

export const demoPosts: DemoPost[] = [
  {
    title: 'Green tomato chutney, because the frost won\'t wait',
    daysAgo: 424.6,
    labels: ['Tomatoes', 'Preserves'],
    body: `<p>The forecast says two degrees on Thursday night, and on Fernside Road that means nearer zero down by the bottom hedge, where the cold air collects like water in a dip. So this afternoon I did the thing I do every year about now: stripped the outdoor tomatoes of everything, ripe or not, and carried home a trug so heavy I had to stop twice on the hill.</p>
<p>About a third were blushing enough to finish indoors. Those are in a shoebox with a banana, which is either science or folklore depending on who you ask. The rest, four and a half pounds of hard green 'Ailsa Craig' and a few stubborn 'Gardener's Delight', have gone into the big pan with onions, sultanas, brown sugar and enough cider vinegar that the kitchen will smell of nothing else until Sunday.</p>
<p>I don't really follow a recipe for green tomato chutney any more. Roughly equal weights of tomatoes and everything else put together, a pint of vinegar per two pounds of tomatoes, a thumb of ginger, a spoon of mustard seed, and the patience to let it cook down until a wooden spoon dragged across the bottom leaves a channel that doesn't immediately fill. That last part takes longer than you think. It always takes longer than you think.</p>
<p>Seven jars, one of them a slightly odd shape that used to hold capers. They'll go in the cupboard under the stairs until at least midwinter, because chutney eaten young tastes of vinegar and regret. If you've never made it, <a href="https://example.org/preserving/green-tomato-basics">this page on the basics</a> is sensible and doesn't shout at you about sterilising.</p>`,
    comments: [
      {
        ...MIRA,
        body: `The banana trick works for me about half the time, which is exactly what you'd expect if it did nothing at all. I keep doing it anyway.`,
        hoursAfter: 5,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `That's the right attitude. Half of what I do on the plot is for morale rather than results.`,
            hoursAfter: 2.5,
          },
        ],
      },
      {
        ...DENNIS,
        body: `Saw you staggering up the hill with that trug. Should have shouted, I had the barrow out.`,
        hoursAfter: 20,
      },
    ],
  },
  {
    title: 'Saving seed from \'Aunt Ruby\'s German Green\' (or trying to)',
    daysAgo: 411.3,
    labels: ['Seed Saving', 'Tomatoes'],
    body: `<p>Every year I say I'll save my own tomato seed properly, and every year I end up squeezing a few pips onto a square of kitchen roll, forgetting to label it, and finding a crusty beige mystery in the dresser drawer the following spring. This year I've been good, mostly because the seed came from Mira and I'd be embarrassed to lose it.</p>
<p>'Aunt Ruby's German Green' is a beefsteak that stays green when ripe, with a faint amber blush on the shoulders and a flavour somewhere between a tomato and a kiwi. It is not a sensible variety for a northern half-plot. I grew two plants against the south side of the shed and got eleven fruit. I have kept the best two for seed.</p>
<p>The fermenting method, for my own future reference:</p>
<ol>
<li>Scoop the seeds and jelly from a fully ripe fruit into a jam jar and add a splash of water.</li>
<li>Cover with a bit of muslin and leave somewhere warm but not in the kitchen, because it smells.</li>
<li>After three or four days a grey-white skin forms on top. That's what you want; it eats the germination-inhibiting gel around each seed.</li>
<li>Top up with water and stir. Good seed sinks, the rubbish floats. Pour off the floaters, repeat a few times.</li>
<li>Tip into a tea strainer, rinse, then spread the seeds thinly on a ceramic plate (not paper, they glue themselves to it) to dry for a week.</li>
<li>Envelope. <strong>Label it.</strong> Date, variety, where it came from.</li>
</ol>
<p>Because tomatoes mostly pollinate themselves before the flower even opens, seed from an open-pollinated variety like this comes true nearly all the time, even with twenty other sorts growing on the plots around. Nearly. I'll let you know in August.</p>`,
    comments: [
      {
        ...MIRA,
        body: `Eleven fruit from two plants up there is better than I got down here, so I'll take that as a win for the shed wall.\n\nThe plate tip is a good one. I once lost an entire batch of 'Black Krim' to a paper towel I couldn't peel them off.`,
        hoursAfter: 9,
      },
      {
        name: 'Linda in Kent',
        body: `Does the smell really matter? My husband says I've ruined the airing cupboard.`,
        hoursAfter: 30,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Your husband is right, I'm afraid. The porch is ideal if it isn't too cold. The shed works here until about now.`,
            hoursAfter: 4,
          },
        ],
      },
    ],
  },
  {
    title: 'Leaf mould, and why I\'ve stopped raking the path',
    daysAgo: 397.5,
    labels: ['Garden'],
    body: `<p>The big sycamores along the railway side of the site have started letting go, and by the end of the week the main path will be ankle-deep in leaves. For years I raked my stretch of it tidy every weekend. I have stopped. Not out of laziness, or not only: I just go down there with the bags once, at the end, when it has all come down.</p>
<p>Leaf mould is the most generous thing the allotment gives me. You stuff wet leaves into old compost sacks, punch a few holes with a garden fork, tie the tops and stack them behind the shed. Then you forget about them for two years. What comes out is dark, crumbly and smells like a wood after rain, and it is the best thing I know for sowing mix and for the top of the carrot bed.</p>
<p>Sycamore rots more slowly than the birch and hazel from the back hedge, so I keep them in separate sacks and write the year on in marker pen. This autumn's sacks will be ready the spring after next, which is a pleasing kind of promise to make yourself.</p>`,
    comments: [],
  },
  {
    title: 'First frost on Fernside Road',
    daysAgo: 383.2,
    labels: ['Weather', 'Garden'],
    body: `<p>It came in properly last night. I went up before work and the whole site was white and completely silent apart from a robin complaining on the water trough. The brassicas had that stiff, sugared look, and the last nasturtiums by the gate had collapsed into dark green slime, which is what nasturtiums do, with no dignity whatsoever.</p>
<p>The things that don't mind: leeks, kale, parsnips, the broad beans I sowed last month (they look affronted but they'll be fine), and the garlic, which isn't even up yet. The things that are now finished: the dahlias, the last courgette I had been pretending was still growing, and the chard on the exposed end of the bed, though the plants nearer the shed may pull through.</p>
<p>I lifted the dahlias at lunchtime, cut the stems back to a hand's length and turned the tubers upside down in the shed to drain. They'll go into a crate of dry compost once the stems have dried out. Parsnips, by general allotment agreement, are now officially sweeter, so I dug three and roasted them with honey and thyme. They were.</p>`,
    comments: [
      {
        ...JO,
        body: `A robin complaining on the water trough is the most allotment sentence I've read all year.`,
        hoursAfter: 3,
      },
      {
        ...PRIYA,
        body: `Is the frost-sweetening thing with parsnips actually true, or is it something we all just say?`,
        hoursAfter: 11,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `As far as I understand it, yes: cold makes the roots convert some starch to sugar. Whether you could tell in a blind test is another question. I have never been brave enough to try.`,
            hoursAfter: 6,
          },
          {
            ...DENNIS,
            body: `It's true. Don't let anyone tell you otherwise.`,
            hoursAfter: 14,
          },
        ],
      },
    ],
  },
  {
    title: 'Mending the shed door with a bike inner tube',
    daysAgo: 370.7,
    labels: ['Tools & Repairs'],
    body: `<p>The bottom hinge on my shed door finally gave up this week. Not the hinge itself, to be fair, but the wood it was screwed into, which has been quietly turning into something like wet cake for several winters. The door now hangs at an angle and has to be lifted to close, and on Sunday the wind caught it and slammed it into my shin.</p>
<p>A proper repair means a new door frame upright, and that's a job for a dry day and a borrowed saw. In the meantime I have done what generations of allotment holders have done before me, which is to bodge it. A length of old bike inner tube, cut open and doubled, now serves as the bottom hinge, screwed to the door and to a fresh bit of the frame with big washers so it doesn't tear. It's flexible, it's weatherproof, and it pulls the door shut by itself, which the old hinge never did.</p>
<p>Tom, who has the plot by the compost bays and fixes everything with whatever is nearest, came over to inspect it and said it would last longer than the shed. I am choosing to take that as a compliment to the repair rather than a comment on the shed.</p>
<p>If you want to try it, use a mountain bike tube rather than a road tube; the rubber is thicker. And put the washers on the outside, not the inside, or you'll catch your knuckles every time you go in.</p>`,
    comments: [
      {
        ...TOM,
        body: `For the record I meant both. That shed has maybe three winters left in it.\n\nBut the hinge is good. I did the same on my cold frame in 2019 and it's still going.`,
        hoursAfter: 13,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Three winters is a long time in shed years. I'll start saving.`,
            hoursAfter: 1.5,
          },
        ],
      },
      {
        name: 'Gareth W',
        body: `Inner tube is great for tying in fruit trees too, much kinder than wire. Cheers for the reminder, I've got a box of old ones.`,
        hoursAfter: 48,
      },
    ],
  },
  {
    title: 'Leek and potato soup for a Tuesday that felt like a Sunday',
    daysAgo: 352.4,
    labels: ['Kitchen'],
    body: `<p>I had a day off in the middle of the week, and it rained so hard from first light that the allotment was out of the question. There is a particular pleasure in that: the day has been taken out of your hands. So I lit the oven for the warmth as much as anything, and made soup.</p>
<p>Leeks are the backbone of the winter plot for me. I grow 'Musselburgh', which is old and reliable and doesn't mind the wind, and I pull them as I need them from now until the spring. Four big ones, washed of the grit that always gets right down between the layers, sliced and sweated slowly in butter for a good twenty minutes with a lid on. Then three floury potatoes from the sack in the shed, a bay leaf, stock, and half an hour of simmering while I read the paper properly for once.</p>
<p>I don't blend it smooth. I mash it about with the potato masher so it's thick and rough, then add a splash of milk and lots of black pepper. On top, a few leek tops fried crisp, which I used to throw away and now fight over with myself.</p>
<p>Nothing clever. But it was the best lunch I've had in weeks, and there's enough in the fridge for Thursday.</p>`,
    comments: [],
  },
  {
    title: 'Solstice on the plot: Dennis\'s brazier and a flask of mulled apple',
    daysAgo: 343.4,
    labels: ['Plot Neighbours'],
    body: `<p>For as long as I've had plot 17 there has been a small gathering on the shortest day, though nobody ever organises it. Dennis lights the brazier on his plot at about three, as the light starts to go, and people just appear. Somebody brings mince pies. Somebody always brings a flask that turns out to have rum in it.</p>
<p>This year there were eleven of us, which Dennis said was a record, though he says that every year. I took a flask of hot apple juice with cloves, orange peel and a cinnamon stick, made from the last of the windfalls I'd pressed and frozen in October, and it went in about ten minutes. Sam from plot 22 brought roasted chestnuts in a paper bag and burned his fingers handing them round.</p>
<p>We talked about the usual things: who had blight, whose onions bolted, whether the committee will ever fix the tap by the gate. We agreed the council would put the rent up again. Then, as it got properly dark, everyone went quiet for a bit and just looked at the fire, and at the lights of the city coming on down the hill, and I thought, not for the first time, that this is the real harvest.</p>
<p>From tomorrow the days get longer. Only by a minute or so at first, but still.</p>`,
    comments: [],
  },
  {
    title: 'What\'s in the seed tin, and what\'s missing',
    daysAgo: 331.6,
    labels: ['Seed Saving'],
    body: `<p>The start of a new year is when I tip the seed tin out onto the kitchen table and take stock. It's an old biscuit tin, tartan, with a dent in the lid from when it fell off the shed shelf, and it holds far more than it should: packets from the shop, envelopes from swaps, little paper twists from neighbours with things like <em>"beans - Dennis - red?"</em> written on them in pencil.</p>
<p>This year's count: 61 packets and envelopes. Of those, 14 are past it, meaning older than four or five years for most things or more than a year for parsnips, which lose their vigour astonishingly quickly. Those go in a separate bag for a germination test on damp kitchen roll before I give up on them completely. Ten seeds each, a week in the airing cupboard, and whatever comes up tells me the percentage.</p>
<p>What I'm missing: a decent late-season leek, a climbing French bean that isn't 'Cobra' (nothing against it, I just fancy a change), and anything in the way of a short-season squash. I have some ideas from <a href="https://example.org/seedlists/heritage-library">the heritage seed library list</a>, and the local swap is coming up in spring.</p>
<p>What I have far too much of: lettuce. I always have far too much lettuce. If you're local and want some 'Little Gem' or 'Marvel of Four Seasons', ask.</p>`,
    comments: [
      {
        ...MIRA,
        body: `I'll send you some 'Cherokee Trail of Tears' beans, they climb like mad and the seeds are shiny and black, you'll love them.`,
        hoursAfter: 4,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Yes please. I will send lettuce in return, obviously. Lots of lettuce.`,
            hoursAfter: 3,
          },
        ],
      },
      {
        ...PRIYA,
        body: `I'm local (ish, other side of the river) and would love some 'Little Gem'. New to all this, took on half a plot in autumn.`,
        hoursAfter: 26,
      },
    ],
  },
  {
    title: 'Sharpening everything in January',
    daysAgo: 318.3,
    labels: ['Tools & Repairs'],
    body: `<p>A dull day, in every sense, so I brought the tool bucket home from the shed and spread newspaper over the kitchen table. There's something calming about sharpening. It's one of the few jobs where you can feel yourself getting better at it in the space of an afternoon.</p>
<h2>What got done</h2>
<ul>
<li><strong>Secateurs:</strong> taken apart (one nut, one spring), cleaned of sap with wire wool and a bit of white spirit, the curved blade honed on the fine side of the diamond stone, a drop of oil on the pivot. They cut paper again.</li>
<li><strong>Spade:</strong> the edge filed back to something like a bevel. People laugh, but a sharp spade cuts through roots and turf twice as easily.</li>
<li><strong>Hoe:</strong> the flat hoe, filed on the top side only, so it slices weeds off just below the surface instead of bulldozing them.</li>
<li><strong>Loppers:</strong> cleaned, but I need a new blade; the old one is nicked where I hit the wire fence.</li>
<li><strong>Wooden handles:</strong> sanded lightly and rubbed with linseed oil, then left to dry on the radiator shelf.</li>
</ul>
<h2>What I learned</h2>
<p>Hold the file still and move the tool, not the other way round, if you can clamp the file to the table. Tom showed me this last year and I've only just tried it. The angle stays much more consistent. And always push the file away from the edge, never drag it back.</p>
<p>The kitchen smells of linseed oil now, which I happen to like. The rest of the household is less sure.</p>`,
    comments: [
      {
        ...TOM,
        body: `Proud of you. Next lesson: the diamond stone wants a drop of water, not oil, or it clogs up.`,
        hoursAfter: 6,
      },
      {
        name: 'Hélène',
        website: 'https://example.org/helene-au-jardin',
        body: `I never thought about sharpening the hoe. This seems obvious now you say it! Merci.`,
        hoursAfter: 40,
      },
    ],
  },
  {
    title: 'A quick one: the seed catalogues have landed',
    daysAgo: 318.42,
    labels: ['Seed Saving'],
    body: `<p>Two of them arrived in the afternoon post, just after I'd put the tools away, which feels like a sign. I have made a cup of tea and I am not allowed to order anything until I've finished going through the seed tin list properly.</p>
<p>That rule lasted about fifteen minutes. There is a striped aubergine on page 34 that I have no business growing and I have already folded the corner down.</p>
<p>In my defence, it says "suitable for cooler regions" in very small print. I'm choosing to believe it.</p>`,
    comments: [],
  },
  {
    title: 'Seville orange marmalade, the long way round',
    daysAgo: 301.5,
    labels: ['Preserves', 'Kitchen'],
    body: `<p>Seville oranges are in the greengrocer's for about five weeks a year, and I have learned to buy them the minute I see them, because the one year I waited they'd gone. They are knobbly, sour, full of pips and quite useless for anything except marmalade, which is exactly the point.</p>
<p>I make mine the old way, cooking the fruit whole first. It takes most of a day but very little of that is work, and you don't have to wrestle raw peel with a knife. This makes about eight jars.</p>
<ol>
<li>Scrub 1 kg of Seville oranges and put them whole into a big pan with 2 litres of water. Put a plate on top to keep them under.</li>
<li>Simmer gently, lid on, for about two hours, until a fork goes through the skin with no resistance at all.</li>
<li>Lift the oranges out into a bowl and let them cool. Keep the water: you need it.</li>
<li>Halve the fruit and scoop the insides, pips and all, into a sieve over the pan. Press the pulp through with a spoon, then tie the pips and membranes in a square of muslin and drop the bag back in. That's where the pectin is.</li>
<li>Slice the peel as thick or thin as you like. I go medium, about the width of a matchstick.</li>
<li>Add the peel and 2 kg of granulated sugar to the pan, and the juice of a lemon. Stir over a low heat until every grain of sugar has dissolved. Don't rush this part or it will crystallise later.</li>
<li>Turn the heat right up and boil hard. Start testing after 15 minutes with a cold saucer from the freezer: a little blob should wrinkle when you push it with a finger.</li>
<li>Take off the heat, squeeze out and remove the muslin bag, and leave to stand for 15 minutes so the peel doesn't all rise to the top of the jars.</li>
<li>Pot into warm, clean jars and lid straight away.</li>
</ol>
<p>This batch set on the second test, which never happens. The colour is like a church window with the sun behind it. I've put two jars aside for Dennis, who gave me the recipe's only real secret years ago: <em>"Don't stir it once it's boiling, lass, just watch it."</em></p>`,
    comments: [
      {
        ...DENNIS,
        body: `Two jars is very generous. I'll bring the jars back this time, promise.`,
        hoursAfter: 22,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `You said that last year, Dennis. I have counted.`,
            hoursAfter: 1,
          },
        ],
      },
      {
        ...JO,
        body: `Saving this. I've only ever done the chop-the-raw-peel method and my wrists still haven't forgiven me.`,
        hoursAfter: 8,
      },
      {
        name: 'Olu',
        body: `Can you freeze Sevilles whole and do this later? The shop near me only had them for a fortnight.`,
        hoursAfter: 50,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `You can, and it works well. Freeze them whole in a bag and cook them from frozen. Some people say they lose a bit of pectin, so I add the juice of an extra lemon.`,
            hoursAfter: 5,
          },
        ],
      },
    ],
  },
  {
    title: 'The storm took the cold frame lid',
    daysAgo: 289.2,
    labels: ['Weather', 'Tools & Repairs'],
    body: `<p>It was blowing a gale all Thursday night. I lay awake listening to the bins go over in the back lane and thinking about the cold frame, which has a hinged lid made from an old window, and which I had definitely, absolutely meant to weigh down with a couple of bricks.</p>
<p>I went up at first light. The lid was in the next plot but one, lying in Gwen's rhubarb, with the glass in about forty pieces. The frame itself was fine. The shed was fine (the inner tube hinge held; thank you, Tom). A few of the net tunnels over the brassicas had been torn off their hoops and the pigeons were already having a go at the kale, which they must have been waiting for all winter.</p>
<p>Gwen was extremely nice about the rhubarb, which had only just started poking through and seems to have escaped. I spent an hour on my knees picking glass out of her bed with gardening gloves on and a plastic tub. I think I found all of it. I'll go back with a torch at dusk when the light catches the edges.</p>
<p>The new lid will be polycarbonate. I'm sure it won't look as nice. But it won't shatter into a neighbour's crown of rhubarb either, and I've screwed a hook and eye onto the side so it can't lift more than a few inches.</p>`,
    comments: [
      {
        ...TOM,
        body: `Twin-wall polycarbonate is warmer as well, so you're winning really. I have an offcut about the right size if you want it, it's behind my shed.`,
        hoursAfter: 4,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Tom, you are a treasure. Taking you up on that on Saturday.`,
            hoursAfter: 2,
          },
        ],
      },
      {
        name: 'Gwen',
        body: `Rhubarb is absolutely fine, stop worrying! It's had worse than a window.`,
        hoursAfter: 30,
      },
    ],
  },
  {
    title: 'Chitting potatoes on every windowsill in the house',
    daysAgo: 276.6,
    labels: ['Garden'],
    body: `<p>The seed potatoes arrived from the society's bulk order last weekend and are now sitting in egg boxes on every cool windowsill I have, rose end up, slowly growing the short green-purple sprouts that mean they'll be ready to plant in a few weeks. The spare room looks like an odd art installation.</p>
<p>This year it's 'Charlotte' for salads (always), 'Sarpo Mira' because it shrugs off blight, and a first go at 'Pink Fir Apple', which is knobbly and slow and apparently tastes wonderful. Five kilos in total, which is too much for a half plot, but the society only sells them in bags of a certain size and I've never been good at splitting.</p>
<p>Whether chitting makes a real difference to the crop is one of those questions that starts arguments on the site. For earlies, I think it gets them going a couple of weeks sooner, which matters here, where the soil stays cold well into spring. For maincrops I'm less convinced. But I like the ritual, and I like walking past them and seeing them wake up.</p>`,
    comments: [],
  },
  {
    title: 'The sowing calendar for this year',
    daysAgo: 262.4,
    labels: ['Garden', 'Seed Saving'],
    body: `<p>Every year I write out a sowing plan, and every year the weather tears it up by about mid-spring. But having something to depart from is the point. This is the version that lives on the shed door, in a plastic wallet, gradually getting annotated in pencil with things like <em>"too early!!"</em> and <em>"slugs"</em>.</p>
<p>Our last frost here is usually somewhere in the second half of May, and on the exposed side of the site I don't trust anything tender outside until June. The timings below are for my plot; further south you could shift most of them a fortnight earlier.</p>
<table>
<thead>
<tr><th>Crop</th><th>Sow indoors</th><th>Sow or plant out</th><th>Notes</th></tr>
</thead>
<tbody>
<tr><td>Tomatoes</td><td>Late March</td><td>Early June</td><td>Greenhouse ones a fortnight sooner</td></tr>
<tr><td>Broad beans</td><td>-</td><td>November, or March</td><td>Autumn sowings need a sheltered spot</td></tr>
<tr><td>Runner and French beans</td><td>Mid May</td><td>Early June</td><td>Direct sow a second batch late June</td></tr>
<tr><td>Leeks</td><td>March</td><td>June, when pencil-thick</td><td>Drop into dibber holes, water in, don't backfill</td></tr>
<tr><td>Carrots</td><td>-</td><td>April to July</td><td>Under mesh, or the carrot fly finds them</td></tr>
<tr><td>Courgettes and squash</td><td>Early May</td><td>Early June</td><td>Two courgette plants is plenty. Truly.</td></tr>
<tr><td>Beetroot</td><td>-</td><td>April to July</td><td>Little and often</td></tr>
<tr><td>Kale</td><td>April</td><td>June</td><td>Net against pigeons from day one</td></tr>
<tr><td>Garlic</td><td>-</td><td>October to November</td><td>Needs the cold to split into cloves</td></tr>
</tbody>
</table>
<p>I keep a fuller version, with varieties and where the seed came from, in a spreadsheet. But the shed door version is the one I actually look at with soil on my hands.</p>`,
    comments: [
      {
        ...PRIYA,
        body: `This is so useful, thank you. Everything I read is written for somewhere much warmer and I've been trying to work out the adjustments myself.`,
        hoursAfter: 5,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `The best calendar is the one from whoever's on the next plot. Ask Dennis, he's been there since the eighties and he's never once been wrong about frost.`,
            hoursAfter: 3,
          },
        ],
      },
      {
        ...JO,
        body: `"Two courgette plants is plenty. Truly." I have four in the plan. I know. I know.`,
        hoursAfter: 9,
      },
      {
        ...MIRA,
        body: `Mine is almost exactly two weeks ahead of yours in everything, which is oddly comforting.`,
        hoursAfter: 26,
      },
    ],
  },
  {
    title: 'Tomato seeds in, heat mat on, fingers crossed',
    daysAgo: 250.3,
    labels: ['Tomatoes'],
    body: `<p>Tonight the kitchen windowsill officially became a nursery. Two seed trays on the heat mat, under a clear lid, with nine varieties of tomato in little labelled rows. I use sieved leaf mould mixed half and half with bought compost, watered from below so nothing gets washed out of place.</p>
<p>The list: 'Gardener's Delight' and 'Sungold' because they never fail; 'Ailsa Craig' for the outdoor bed; 'Sarpo' something for blight resistance; the 'Aunt Ruby's German Green' from my own saved seed (nervous); 'Black Russian', 'Green Zebra', 'Costoluto Fiorentino' and a yellow pear tomato called 'Ildi' that Jo sent me in a Christmas card.</p>
<p>Six seeds of each. I'll need perhaps two plants of each in the end. I already know I'll end up potting on all of them, because I can't bear to compost a healthy seedling, and I'll be handing them out at the gate in June like a woman with too many kittens.</p>
<p>Germination usually takes five to eight days at this temperature. I'll be checking every morning with my coffee, which does nothing to speed them up.</p>`,
    comments: [],
  },
  {
    title: 'Forced rhubarb and a crumble with too much topping',
    daysAgo: 241.8,
    labels: ['Kitchen', 'Garden'],
    body: `<p>Under the upturned bucket in the corner of my plot, in total darkness, the rhubarb has been doing its strange early thing for the last few weeks. I lifted the bucket today and there they were: pale pink stalks, almost translucent, with crumpled yellow leaves like something that has never been told about the sun.</p>
<p>Forced rhubarb is the sweetest and most tender of the year, and it comes at the time when there's almost nothing else to pick. I pulled six stalks (pull and twist, never cut) and put the bucket back. You're only meant to force a crown every other year, so next spring it will be the turn of the crown by the water butt.</p>
<p>Crumble is the only possible response. I cut the rhubarb into short lengths, tossed it with a bit of sugar and some grated orange zest, and then made a topping of flour, butter, oats, demerara and a handful of chopped hazelnuts. I always make too much topping. It is impossible to make too much topping. Forty minutes in the oven and then custard, from a packet, because some things are sacred.</p>`,
    comments: [],
  },
  {
    title: 'The committee meeting, in which I volunteer for something again',
    daysAgo: 228.5,
    labels: ['Plot Neighbours'],
    body: `<p>The spring meeting of the Fernside Road Allotment Society took place in the church hall on Tuesday: twenty-six members, one urn of tea, a plate of ginger biscuits and an agenda of nine items that took two and a half hours to get through.</p>
<p>The main event was item four, "Plot inspections and the condition of uncultivated plots". There are four plots on the site that have gone more or less wild, and a waiting list of thirty-odd people. Our secretary read out the relevant bit of the tenancy agreement, which I'll quote here because I'd never actually read it:</p>
<blockquote><p>The tenant shall keep the allotment garden clean and in a good state of fertility and cultivation, and shall cultivate not less than three quarters of its area for the production of fruit, vegetables or flowers.</p></blockquote>
<p>There was then a long, circular and surprisingly emotional discussion about what "good state of cultivation" means when somebody has been ill, or is caring for a parent, or just had a terrible year. I said that I thought we should talk to people before we wrote to them. Reader, I am now on the "welfare and welcome" sub-committee, which does not yet exist, and which I am apparently chairing.</p>
<p>Other business: the tap by the gate will be fixed "soon", the skip is booked for May, and the site's manure delivery has been moved to a Saturday so more people can help barrow it. A small, real victory.</p>`,
    comments: [
      {
        ...DENNIS,
        body: `You'll be good at it. It needs doing. Most of those plots are people who got in over their heads and were too embarrassed to say.`,
        hoursAfter: 15,
      },
      {
        name: 'Sam from plot 22',
        body: `The tap has been going to be fixed soon since I got my plot. That was 2019.`,
        hoursAfter: 20,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `I am putting it on the welfare and welcome agenda. A working tap is a welfare issue.`,
            hoursAfter: 2,
          },
        ],
      },
      {
        ...MIRA,
        body: `"Reader, I am now on the sub-committee" made me laugh out loud on the bus. This is how it always happens.`,
        hoursAfter: 31,
      },
    ],
  },
  {
    title: 'A planting grid for the bean bed',
    daysAgo: 214.2,
    labels: ['Garden'],
    body: `<p>The bean bed is the long one along the north edge of the plot, four metres by a metre and a bit, so that the tall climbers don't shade anything else. This year I'm trying to fit in climbing French beans, runners and a few squash underneath to cover the ground, after reading <a href="https://example.org/allotment-notes/underplanting-beans">this piece on underplanting climbing beans</a>.</p>
<p>I plan these things on squared paper first, then type them up so I can keep them. Here's the grid, one character per 20 cm or so, north at the top:</p>
<pre><code>  N  (fence)
  +--------------------+
  | R R R R R R R R R R |   R = runner bean 'Firestorm' (wigwams along fence)
  | . . S . . . . S . . |   S = squash 'Uchiki Kuri', trailing between
  | C C C C C C C C C C |   C = climbing French 'Cherokee Trail of Tears'
  | . . . . S . . . . . |
  | n n n n n n n n n n |   n = nasturtium edging (blackfly decoy)
  +--------------------+
  S  (path)</code></pre>
<p>The theory is that the squash leaves will shade the soil and keep the moisture in while the beans go up. The practice will depend on whether the slugs get to the squash first, which, on past form, they will. The beans will go in as small plants raised in root trainers at the end of May, and I'll direct-sow a second lot in the gaps a month later.</p>`,
    comments: [
      {
        ...TOM,
        body: `Love a plain text diagram. Very 1997. You'll want a cane at each end braced across the top or the wigwams will go in the first wind.`,
        hoursAfter: 7,
      },
      {
        ...MIRA,
        body: `I'm very happy to see the Cherokee beans on the grid. They are going to take over everything, I promise.`,
        hoursAfter: 18,
      },
    ],
  },
  {
    title: 'Late frost, early panic',
    daysAgo: 207.6,
    labels: ['Weather', 'Tomatoes'],
    body: `<p>Clear skies, no wind, and a forecast low of one degree. You know what that means in May. I spent this evening carrying every tender thing I own into the house, or as much as would fit.</p>
<p>The tomatoes were already in the cold frame (new lid) hardening off, thirty-eight plants in nine-centimetre pots. They are now in the living room, on the floor, on newspaper. The courgettes and squash are in the bath. The dahlias, which went out a week ago in a fit of optimism, have an upturned bucket each and a layer of horticultural fleece over the lot, pegged down with stones.</p>
<p>Down the site, people were doing the same. Gwen was draping old net curtains over her potatoes, whose first leaves are just through, and Dennis was calmly earthing his up so the shoots were buried again. "Frost can't get them under soil," he said, as if I might not have heard that in the last eleven years.</p>
<p>It may not even happen. It often doesn't. But I'll sleep better knowing the tomatoes are by the sofa, even if I will be stepping over them in the morning.</p>`,
    comments: [
      {
        ...PRIYA,
        body: `Update please! Did it frost? My potatoes are up and I did nothing.`,
        hoursAfter: 16,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Light frost at the bottom of the site, none at the top. Gwen's potatoes got a bit blackened at the tips but they'll regrow from below. Yours will likely be fine too.`,
            hoursAfter: 2,
          },
        ],
      },
    ],
  },
  {
    title: 'Radishes, butter, salt',
    daysAgo: 193.4,
    labels: ['Kitchen', 'Garden'],
    body: `<p>The first real harvest of the year isn't glamorous. It's a bunch of radishes, 'French Breakfast', long and pink with white tips, sown in a gap between the onion sets five weeks ago and more or less ignored since.</p>
<p>I ate them the way you're supposed to: washed, leaves left on as a handle, dipped first in soft salted butter and then in flaky salt. With bread and a cup of tea at the kitchen table, still in my allotment socks. It's hard to explain how good that is after a winter of leeks and stored onions. Peppery, cold, crunchy, and tasting very slightly of the soil they came out of.</p>
<p>The leaves went into a soup with the last of a bag of frozen peas. I'm sowing another short row every fortnight until the heat comes, after which they just bolt and turn woody.</p>`,
    comments: [],
  },
  {
    title: 'Why do I always grow forty tomato plants?',
    daysAgo: 180.1,
    labels: ['Tomatoes', 'Plot Neighbours'],
    body: `<p>Thirty-eight, to be exact, down from fifty-four seedlings, which shows some restraint. Six went into my own outdoor bed today against the canes, two into growbags against the shed wall, and three into big pots on the back step at home. That leaves twenty-seven tomato plants looking for a home.</p>
<p>So I did what I do every year: put them in a crate by the site gate with a piece of cardboard saying <strong>FREE TOMATO PLANTS - PLEASE TAKE - LABELS ARE (MOSTLY) RIGHT</strong>. By teatime they had all gone except one sad 'Green Zebra' that had lost its growing tip. I have planted it anyway. It will probably be the best one.</p>
<p>It turns out I'm not the only one. Gwen had a crate of leeks out, Sam was offloading courgettes (more than two plants, Sam!), and somebody anonymous had left a tray of cosmos with no note at all. The gate has become a kind of informal swap shop, which nobody planned and which I hope nobody on the committee tries to regulate.</p>
<p>As for why I sow so many: I think it's a sort of insurance against disaster, and a sort of generosity, and also I just love that moment in March when the first seed leaves unfold. You can't have too many of those.</p>`,
    comments: [
      {
        ...JO,
        body: `The label disclaimer is perfect. My 'Sungold' last year turned out to be a plum tomato and I was too charmed to mind.`,
        hoursAfter: 6,
      },
      {
        name: 'Sam from plot 22',
        body: `In my defence the courgettes were a gift from my mum and she'd already sown twelve.`,
        hoursAfter: 9,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Your mum and I need to have a word.`,
            hoursAfter: 1,
          },
        ],
      },
      {
        name: 'Kit',
        body: `I took two of your 'Black Russian' for my balcony, thank you so much! First time growing anything. Do I pinch the side shoots?`,
        hoursAfter: 28,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Yes: 'Black Russian' is a cordon, so pinch out the little shoots that grow in the angle between the main stem and the leaves. Water every day in hot weather, feed weekly once the first flowers set. And enjoy them!`,
            hoursAfter: 3,
          },
          {
            ...MIRA,
            body: `And don't panic if the bottom leaves go yellow later on. They all do that.`,
            hoursAfter: 10,
          },
        ],
      },
    ],
  },
  {
    title: 'A wheelbarrow tyre that would not stay up',
    daysAgo: 167.7,
    labels: ['Tools & Repairs'],
    body: `<p>My wheelbarrow, which came with the plot and is therefore at least twelve years old and possibly much older, has had a slow puncture since the manure delivery. I'd been pumping it up every weekend, which is the classic allotment way of not fixing something.</p>
<p>This afternoon I finally took the wheel off. Two nuts, an axle that needed persuading with a mallet, and then the tyre levers from my bike kit to get the tyre off the rim. Inside was a tube that was more patch than tube, and the culprit: a blackthorn thorn, still in the tyre, still pointing inwards. Blackthorn from the back hedge, I'd bet. I pulled it out with pliers and kept it on the shed shelf as a trophy.</p>
<p>The new tube cost less than a coffee from <a href="https://example.org/shop/barrow-tubes">the hardware shop on the parade</a>. I also put a couple of squirts of tyre sealant in, which is apparently what you do with barrows on thorny sites. Twenty minutes to reassemble, including the bit where I dropped one of the nuts in the long grass and had to find it with a magnet on a string.</p>
<p>It rolls. It rolls beautifully. I barrowed compost up and down the path three times just for the feeling of it.</p>`,
    comments: [
      {
        ...TOM,
        body: `Puncture-proof solid tyres are a thing, you know. They're heavier but I've had mine nine years and never thought about it once.`,
        hoursAfter: 3,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `I know. But then I'd never get to keep a thorn as a trophy, would I.`,
            hoursAfter: 1.5,
          },
        ],
      },
    ],
  },
  {
    title: 'Elderflower cordial, two ways',
    daysAgo: 158.3,
    labels: ['Preserves', 'Kitchen'],
    body: `<p>The elders along the railway path are at their best this week: flat creamy heads, smelling of muscat grapes and slightly of cat, if you get too close. You want to pick them on a dry sunny morning when the flowers are fully open and before the bees have taken all the pollen, which is where the flavour lives. Shake out the insects, don't wash them.</p>
<p>I make two batches every year, because I can never decide.</p>
<h3>The classic</h3>
<p>Twenty heads, the zest and sliced flesh of three lemons, a kilo and a half of sugar dissolved in a litre and a half of boiling water, and 50 g of citric acid from the chemist. Steep for two days in a covered bucket, stirring when I remember, then strain through muslin into clean bottles. It keeps a couple of months in the fridge, or freeze some in plastic bottles for December.</p>
<h3>The less sweet one</h3>
<p>Same method, but half the sugar, no citric acid, and a big bunch of lemon verbena from the pot by the back door. It's brighter and more grown-up, but only keeps a week or two, so this one goes in ice cube trays straight away. One cube in a glass of fizzy water is a whole summer evening.</p>
<p>Always leave plenty of flowers on the bush. Otherwise there are no berries in autumn, and then I can't make the hedgerow jelly, and then I'm sad.</p>`,
    comments: [
      {
        ...MIRA,
        body: `"Slightly of cat" is exactly right and nobody ever says it.`,
        hoursAfter: 10,
      },
      {
        ...PRIYA,
        body: `Made the classic one this weekend. My flat smells amazing. How long do the frozen bottles keep?`,
        hoursAfter: 75,
      },
    ],
  },
  {
    title: 'Slugs, beer traps and a truce of sorts',
    daysAgo: 145.5,
    labels: ['Garden'],
    body: `<p>It has been warm and wet for ten days, which is perfect growing weather for everything, including slugs. They have eaten two of the three squash plants in the bean bed (as predicted in April), most of a row of lettuce and, for some reason, all of the marigolds, which I thought were supposed to be slug-proof.</p>
<p>I don't use pellets, not even the so-called organic ones, because of the frogs in the pond on plot 12 and the hedgehog that Gwen swears she's seen. Instead I have a mixture of approaches, none of which works particularly well on its own:</p>
<ul>
<li>Beer traps: yoghurt pots sunk into the soil with the rims just proud, half full of the cheapest lager. Grimly effective. Emptied every morning.</li>
<li>Torchlight patrols: out at dusk with a head torch and a jar. Weirdly satisfying, though the other plot holders give you looks.</li>
<li>Sacrificial planting: a few lettuces left near the hedge for them to eat instead. They eat both.</li>
<li>Growing things on bigger before planting out, so they can take a bit of nibbling.</li>
</ul>
<p>In the end I think it's a truce, not a victory. I accept that I'll lose some things, and the slugs accept nothing at all, because they are slugs. But the beans are romping away, and the last squash plant has got big enough that they seem to have lost interest. I'll take that.</p>`,
    comments: [],
  },
  {
    title: 'Gooseberry fool & the first strawberries',
    daysAgo: 131.2,
    labels: ['Kitchen'],
    body: `<p>The two gooseberry bushes by the path are old, thorny, and produce far more fruit than their size would suggest. 'Invicta', I think, though the label faded years ago. Picking them is a slow job in long sleeves and you come away scratched no matter what. I got about a kilo and a half this morning and left at least as much again for next week.</p>
<p>Gooseberry fool is the best thing you can do with them. Top and tail (the boring part, radio on), then cook gently with a few spoonfuls of sugar and a splash of water until they've collapsed. I like to add a head of elderflower in a muslin bag while they cook, which is an old pairing and a good one. Let it cool completely, then fold it roughly into whipped double cream with a bit of Greek yoghurt for sharpness. Don't mix it in fully. You want ripples of green through the white.</p>
<p>Meanwhile the strawberries have finally come in. The first few dozen never make it home, let's be honest. But tonight there was a bowl on the table next to the fool and for about half an hour it felt as though summer had properly arrived.</p>`,
    comments: [
      {
        ...JO,
        body: `Elderflower in with the gooseberries is new to me. Trying it this week.`,
        hoursAfter: 14,
      },
      {
        name: 'Bea',
        body: `My gran used to make this and I had completely forgotten about it until now. Thank you for the memory.`,
        hoursAfter: 52,
      },
    ],
  },
  {
    title: 'Heatwave watering: what worked, what didn\'t',
    daysAgo: 124.4,
    labels: ['Weather', 'Garden'],
    body: `<p>Nine days over twenty-seven degrees, which for this city is practically tropical, and no rain at all for three weeks. The site's water troughs were empty by eleven every morning. The ground on my plot cracked in a pattern like crazy paving. Here is what I've learned, written down mostly so I remember next time.</p>
<h2>What worked</h2>
<ul>
<li><strong>Watering in the evening, deeply, less often.</strong> A full can on each tomato every other evening did far more than a splash every morning.</li>
<li><strong>Mulch.</strong> The beds where I'd put down grass clippings or leaf mould in spring stayed damp underneath. The one I didn't get round to was like a brick.</li>
<li><strong>Sunk bottles.</strong> Plastic bottles with the bottoms cut off, pushed neck-down into the soil next to each squash and courgette. Water goes straight to the roots.</li>
<li><strong>Shade netting</strong> over the lettuce and the newly sown carrots. Borrowed from Dennis.</li>
</ul>
<h2>What didn't</h2>
<ul>
<li>The sprinkler my neighbour two plots down tried, which mostly watered the path (and was against site rules anyway).</li>
<li>Hoping. I lost a whole row of peas and most of the second sowing of beetroot.</li>
<li>Trying to do anything physical between noon and five. I gave up and sat in the shed doorway with a flask of cold tea.</li>
</ul>
<p>The storm broke last night with about an hour of hammering rain and some very impressive thunder. This morning the whole site smelled of wet earth and everyone was walking around grinning. Next year I'm putting in a second water butt.</p>`,
    comments: [
      {
        ...DENNIS,
        body: `You can keep the shade netting till the end of the summer, I don't need it.`,
        hoursAfter: 5,
      },
      {
        ...MIRA,
        body: `Mulch is everything. I converted to it three summers ago and I won't go back. Grass clippings from the park, the council lets us take them.`,
        hoursAfter: 8,
        replies: [
          {
            ...JO,
            body: `Do you find the clippings go slimy? Mine always turn into a smelly mat.`,
            hoursAfter: 6,
          },
          {
            ...MIRA,
            body: `Thin layers! Let each one dry before adding more. If it smells, it's too thick.`,
            hoursAfter: 3,
          },
        ],
      },
    ],
  },
  {
    title: 'Harvest weights so far (yes, I weigh everything)',
    daysAgo: 110.6,
    labels: ['Garden', 'Tomatoes'],
    body: `<p>I've weighed everything that comes off the plot for six years now, on the old kitchen scales that live in the shed. It started as curiosity and has become a habit I can't quite shake. Other people on the site think it's eccentric. Dennis says it's "a bit much". But it does mean I can say, with some authority, that the heatwave cost me about a third of my beetroot.</p>
<p>Here's where things stand, from the start of the year to last Sunday, with last year's totals for the same period in brackets:</p>
<table>
<thead>
<tr><th>Crop</th><th>So far (kg)</th><th>Same time last year (kg)</th></tr>
</thead>
<tbody>
<tr><td>Potatoes</td><td>21.4</td><td>(18.9)</td></tr>
<tr><td>Tomatoes</td><td>6.2</td><td>(4.1)</td></tr>
<tr><td>Courgettes</td><td>14.8</td><td>(16.3)</td></tr>
<tr><td>Beans, French and runner</td><td>5.5</td><td>(3.0)</td></tr>
<tr><td>Beetroot</td><td>2.1</td><td>(3.4)</td></tr>
<tr><td>Soft fruit</td><td>7.9</td><td>(6.6)</td></tr>
<tr><td>Salad leaves</td><td>3.3</td><td>(4.0)</td></tr>
</tbody>
</table>
<p>The spreadsheet does the sums. Each row of the log has a date, a crop and a weight in grams, and the summary sheet pulls them together per crop and per year. For anyone who asked last time, the formula in the summary looks like this:</p>
<pre><code>=SUMIFS(Log!C:C, Log!B:B, A2, Log!A:A, "&gt;="&amp;DATE(2026,1,1)) / 1000</code></pre>
<p>Column A of the summary has the crop names, and the log has dates in A, crops in B and grams in C. Change the year to compare. It isn't clever, but it means I can update it from my phone standing in the bean bed. The courgettes, predictably, are winning on weight and losing on enthusiasm. Nobody wants courgettes in August.</p>`,
    comments: [
      {
        name: 'Olu',
        body: `Ranking for the record, based entirely on your table: tomatoes > potatoes > courgettes & I <3 anyone who weighs their beetroot.`,
        hoursAfter: 9,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Strong ranking. I'd put beans above potatoes, but I can live with it.`,
            hoursAfter: 4,
          },
        ],
      },
      {
        ...TOM,
        body: `Tip: put the log on a Table (capital T, Insert > Table) and the formula can use the column names. Makes it harder to break.`,
        hoursAfter: 20,
      },
      {
        ...DENNIS,
        body: `Still a bit much. But I'll admit I'd like to know what my onions come to.`,
        hoursAfter: 33,
      },
    ],
  },
  {
    title: 'Blight on plot 9: what we did, and what I\'d do differently next time',
    daysAgo: 96.3,
    labels: ['Tomatoes', 'Plot Neighbours', 'Weather'],
    body: `<p>It arrived the way it always does: a week of warm, muggy, drizzly weather, the kind the old hands on the site call "blight weather" with a certain grim relish. On Thursday evening Callum on plot 9, who is in his first full season, knocked on my shed door and asked me to come and look at his tomatoes. The lower leaves had brown patches with pale halos, the stems had dark greasy streaks, and two of the green fruits had gone bronze and hard. Late blight, no question.</p>
<p>What we did, in roughly this order. We picked every fruit that looked clean, green or not, and took them home to ripen. We cut the plants down and bagged them in black sacks, tied tight, for the council green-waste collection, not the site compost heaps. We did the same with the tops of his potatoes, which had it too, and told him to leave the tubers in the ground for two or three weeks before lifting, so the spores on the surface die off. Then I went round the rest of the site telling people, which is the part nobody enjoys.</p>
<p>By Sunday it was on six plots, including the far end of mine. I lost the outdoor 'Ailsa Craig' and 'Black Russian'. The 'Sarpo' plants and the tomatoes in growbags against the shed, under the overhang where the leaves stay dry, have so far escaped.</p>
<p>What I'd do differently next time:</p>
<ul>
<li>Sign up for the blight alert emails from <a href="https://example.org/blight-watch">the blight-watch service</a>. They warn you when the weather conditions are right, a day or two before you'd notice anything.</li>
<li>Take off the lowest leaves of outdoor tomatoes in July, so rain splash doesn't reach them.</li>
<li>Grow more of the resistant varieties, and more under cover.</li>
<li>Tell new plot holders about it in June, not when it's already happening.</li>
</ul>
<p>Callum took it well, all things considered. He's already talking about next year, which is the only real cure.</p>`,
    comments: [
      {
        name: 'Callum',
        body: `Thanks again for coming over, I honestly thought I'd done something wrong. Now I know it's just the weather I feel a lot better about it.\n\nThe green ones are ripening on my windowsill. About half of them so far.`,
        hoursAfter: 10,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `You did nothing wrong at all. It gets everyone eventually. Half is a good rate; keep checking the rest for soft patches.`,
            hoursAfter: 2,
          },
        ],
      },
      {
        ...MIRA,
        body: `It came through here the same week. The blight alerts are worth it, I got about three days' warning and sprayed nothing, but at least I picked early.`,
        hoursAfter: 15,
      },
      {
        name: 'Linda in Kent',
        body: `Is it safe to save seed from a tomato that came off a blighted plant?`,
        hoursAfter: 40,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `From what I've read, late blight doesn't carry over in tomato seed, so yes, as long as the fruit itself is sound. Potatoes are a different matter: never save tubers from a blighted plant.`,
            hoursAfter: 6,
          },
        ],
      },
    ],
  },
  {
    title: 'Crème fraîche, courgettes and a very quick supper',
    daysAgo: 83.5,
    labels: ['Kitchen'],
    body: `<p>It's the time of year when you start leaving courgettes on people's doorsteps and running away. I have three in the fridge, two on the worktop and one the size of a small dog still on the plant, which I'm pretending I didn't see.</p>
<p>This is what I make when I come home late from the plot and need to eat in twenty minutes. Coarsely grate two medium courgettes, salt them in a sieve and leave them to drip while the pasta water boils. Squeeze out as much liquid as you can with your hands. Soften a sliced garlic clove in olive oil, add the courgette and cook on a high heat until it's starting to catch at the edges. Then, off the heat, stir in three big spoonfuls of crème fraîche, lots of lemon zest, black pepper and a handful of torn mint from the patch by the water butt.</p>
<p>Toss it with the pasta and a splash of the cooking water until it's glossy. Parmesan if you have it. Toasted breadcrumbs if you're feeling fancy. It is fresh and soft and nothing like the watery courgette dishes that give them a bad name.</p>
<p>The small dog is going to become soup. Or chutney. Or a doorstop.</p>`,
    comments: [
      {
        ...PRIYA,
        body: `Made this tonight with the crème fraîche that was about to go out of date and it was so good. The salting step makes all the difference.`,
        hoursAfter: 27,
      },
      {
        name: 'Anonymous',
        body: `Marrow and ginger jam. Trust me.`,
        hoursAfter: 44,
      },
    ],
  },
  {
    title: 'Bean seeds: letting a few pods dry on the vine',
    daysAgo: 78.2,
    labels: ['Seed Saving'],
    body: `<p>Beans are the easiest seeds to save, and the most satisfying. At this point in the summer I stop picking from one or two plants of each climbing variety and let the pods grow fat and then dry out on the vine, turning yellow, then papery, then rattling when you shake them.</p>
<p>The 'Cherokee Trail of Tears' beans that Mira sent me in January have been a triumph: they reached the top of the canes by midsummer and kept going, and the pods have a purple tinge that makes them easy to find among the leaves. I've marked the seed plants with a bit of red wool tied round the cane so I don't absent-mindedly pick them.</p>
<p>Runner beans cross-pollinate easily, because bees visit them, so seed from runners grown near other varieties won't necessarily come true. French beans mostly pollinate themselves, so they're safer. I only grow one runner, so I'm not too worried.</p>
<p>If the weather turns wet before the pods are fully dry, I'll pull up the whole plant and hang it upside down in the shed. Then, some evening in October, there's a quiet hour of shelling into a bowl, and a jar on the shelf filled with shiny black beans that will become next year's crop. I don't think I'll ever get tired of that.</p>`,
    comments: [],
  },
  {
    title: 'Passata day',
    daysAgo: 69.7,
    labels: ['Tomatoes', 'Preserves'],
    body: `<p>Once a year, usually on a Sunday towards the end of the tomato glut, the kitchen turns into a small factory. Today was that day. Everything the blight didn't get, and everything that ripened on the windowsill afterwards, about nine kilos in all, went in the big pan.</p>
<p>My method is very unsophisticated. Tomatoes roughly chopped, cooked down with nothing but a pinch of salt until they're soft, then pushed through the food mill that I found at a car boot sale for three pounds and which is one of the best things I own. Skins and seeds stay behind; smooth red sauce goes through. I simmer that until it's reduced by about a third, then pour it into hot sterilised jars with a basil leaf and a spoon of lemon juice in the bottom of each, lid on, and into a deep pan of boiling water for forty minutes.</p>
<p>Final count: eleven jars of passata, and a jar of the mixed yellow and green tomatoes done separately, which comes out an odd khaki colour but tastes wonderful. The 'Aunt Ruby's' from saved seed came true, by the way. Every one. I was absurdly proud.</p>
<p>There are splatters on the ceiling. There are always splatters on the ceiling.</p>`,
    comments: [
      {
        ...JO,
        body: `Car boot food mills are the best-kept secret in home preserving. Mine was two pounds and has a bent handle.`,
        hoursAfter: 5,
      },
      {
        ...MIRA,
        body: `They came true! This made my week.`,
        hoursAfter: 8,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Seed's already drying on a plate for you to have back. It seemed only right.`,
            hoursAfter: 1,
          },
        ],
      },
    ],
  },
  {
    title: 'Hedgerow jelly: rosehips, haws and the last crab apples',
    daysAgo: 56.4,
    labels: ['Preserves'],
    body: `<p>The back hedge of the site is an old one, full of hawthorn, dog rose, elder and a single crab apple tree that nobody ever seems to pick. This morning I took two carrier bags and came back with about two kilos of fruit, including rosehips, haws, elderberries, a few late blackberries and a good kilo of crab apples, which are the important part, because they bring the pectin and make the whole thing set.</p>
<p>Everything goes into the pan whole, with just enough water to cover, and simmers until soft. Then it goes into the jelly bag, hung from an upturned stool, dripping into a bowl overnight. The one rule: <strong>don't squeeze the bag</strong>, however tempting, or the jelly will be cloudy. I squeeze it anyway, a little, and live with the cloudiness.</p>
<p>For every 600 ml of juice, 450 g of sugar. Boil hard to setting point. Five small jars of jelly the colour of garnets, which is exactly what you want with roast lamb, or cheese, or on toast in January when the hedge is bare.</p>
<p>If you go foraging, please check <a href="https://example.org/foraging/code">a foraging code</a> first and leave plenty for the birds. The fieldfares will be arriving soon, and the haws are their winter.</p>`,
    comments: [],
  },
  {
    title: 'Why does my squash taste of nothing?',
    daysAgo: 43.2,
    labels: ['Kitchen', 'Garden'],
    body: `<p>A question I get asked on the site every autumn, usually by someone holding a handsome orange squash and a faintly disappointed face. I've been that face. The answer, nearly always, is that they ate it too soon.</p>
<p>Winter squash needs to be cured. You cut it with a bit of stem attached, leave it in the sun for a week or two if the weather allows (on the shed roof is ideal), and then store it somewhere warm and dry, and leave it be. Over the next few weeks the starch in the flesh turns into sugars and the skin hardens. A squash eaten the day it comes off the plant tastes watery and bland. The same squash eaten in December tastes of chestnuts and caramel.</p>
<p>My one surviving 'Uchiki Kuri' plant from the bean bed produced four fruits in the end, which I think was a small act of revenge on the slugs. They're lined up on the bookcase in the front room, where it's warm and dry, looking extremely pleased with themselves. The first one gets opened in about a month.</p>
<p>The other reason for bland squash is variety. Some big ones are bred for size and carving, not eating. If it's a jack-o'-lantern pumpkin, it will taste of pumpkin, which is to say mostly of water.</p>`,
    comments: [
      {
        ...PRIYA,
        body: `Oh no. I ate both of mine last week. Next year, I will be patient.`,
        hoursAfter: 6,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `We've all done it. Next year: shed roof, bookcase, patience.`,
            hoursAfter: 2,
          },
        ],
      },
      {
        name: 'Gareth W',
        body: `Is a bookcase really warm enough? Mine are in the garage and I'm wondering if that's the problem.`,
        hoursAfter: 19,
      },
    ],
  },
  {
    title: 'Fixing the water butt tap',
    daysAgo: 35.5,
    labels: ['Tools & Repairs'],
    body: `<p>The tap at the bottom of my main water butt has dripped since spring. Not enough to empty it, but enough to make a permanently muddy patch where I stand to fill the can, and enough to annoy me every single time I look at it.</p>
<p>Now that the butt is only a third full and there's less watering to do, I drained it the rest of the way into buckets (the leeks got a treat) and took the tap out. The problem turned out to be the rubber washer on the inside, which had perished and gone hard, plus a thread that had been cross-threaded at some point by someone in a hurry. Possibly me.</p>
<p>A new tap kit was cheap. I cleaned up the hole with a bit of sandpaper, put a thin smear of silicone sealant around the outside washer for good measure, and screwed it in by hand rather than with a spanner, which is apparently where everyone goes wrong: overtightening splits the plastic. Then I waited a day for the sealant to cure before filling it back up from the shed gutter.</p>
<p>Dry. Completely dry. I keep going over to look at it, the way you touch a tooth after the dentist.</p>`,
    comments: [],
  },
  {
    title: 'Garlic goes in on a grey Saturday',
    daysAgo: 27.3,
    labels: ['Garden', 'Weather'],
    body: `<p>There is a saying that you plant garlic on the shortest day and harvest it on the longest, but on my heavy, wet soil that's asking for trouble. I put it in while the ground is still workable, and today was the day: cold, grey, dead still, the kind of day where the light never quite gets going.</p>
<p>Three varieties this year: 'Germidour', a purple softneck that's done well for me for years; 'Music', a hardneck with enormous cloves that Dennis swears by; and a few bulbs of something from the farmers' market that I planted just to see. I broke the bulbs into cloves at the last minute and pushed each one in pointed end up, about twice its own depth, fifteen centimetres apart, in the bed where the beans were.</p>
<p>A cover of black netting, because the crows will pull them out for fun in the first week. Then nothing to do until spring except watch for the first green tips, which usually appear in a mild spell around midwinter and always make me unreasonably happy.</p>
<p>On the way out, I saw that the fieldfares have arrived in the hedge. Right on time.</p>`,
    comments: [
      {
        ...DENNIS,
        body: `'Music' won't let you down. Give it a feed in March.`,
        hoursAfter: 4,
      },
      {
        ...JO,
        body: `First fieldfares here too this week. There's something about that chacking sound that means winter to me.`,
        hoursAfter: 13,
      },
    ],
  },
  {
    title: 'Seed swap at the library: a report',
    daysAgo: 20.6,
    labels: ['Seed Saving', 'Plot Neighbours'],
    body: `<p>The first ever Fernside Road seed swap happened yesterday afternoon in the community room at the library, and it was, if I say so myself, a triumph. It was the first real thing the "welfare and welcome" sub-committee has done, and it turns out we're quite good at tables, tea and hand-drawn signs.</p>
<p>About forty people came, not just from the allotments but from the streets around: people with back gardens, people with balconies, two children with a shoebox of sunflower seeds they'd saved themselves and labelled in felt pen. The rules were simple: bring what you've saved if you have any, take what you'll actually grow, and write down where it came from.</p>
<p>I brought the 'Aunt Ruby's', the Cherokee beans, and, yes, a frankly unreasonable amount of lettuce. I came away with a perennial kale from a man who'd brought cuttings in a bucket, a local runner bean that's apparently been grown on the hill for sixty years, and some seed of a yellow tomato called 'Dennis's Yellow', which it turns out Dennis has been growing and quietly giving away since before I was born. He had never mentioned it. Not once.</p>
<p>We've already been asked to do another one in spring. The library has said yes. If you want to help, or just bring seed, the details will go on <a href="https://example.org/fernside-allotments/news">the society's news page</a>.</p>`,
    comments: [
      {
        ...DENNIS,
        body: `You never asked.`,
        hoursAfter: 8,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Eleven years, Dennis!`,
            hoursAfter: 0.5,
          },
          {
            ...DENNIS,
            body: `Patience. Like your squash.`,
            hoursAfter: 3,
          },
        ],
      },
      {
        ...PRIYA,
        body: `It was lovely, thank you for organising! I got some of your lettuce, obviously. Everybody did.`,
        hoursAfter: 14,
      },
      {
        ...MIRA,
        body: `So jealous. We've been trying to get something like this going here for years. Would you write up how you did it, the practical side? Tables, labels, all of that?`,
        hoursAfter: 23,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `Yes, I'll do a proper post on it. Short version: a friendly librarian is worth more than anything else.`,
            hoursAfter: 5,
          },
        ],
      },
    ],
  },
  {
    title: 'Dennis is handing over plot 4',
    daysAgo: 12.4,
    labels: ['Plot Neighbours'],
    body: `<p>Dennis told me on Tuesday, standing by the brazier with his hands in his pockets, the way he says most important things: looking at the fire, not at you. He's giving up plot 4 at the end of the year. His knees won't take the digging any more, his daughter wants him nearer to her, and, in his words, "forty-one years is a fair crack".</p>
<p>He's been on the site since before the railway side had a fence. He's the one who told me, in my first week, that my onion sets were upside down. He's the one who knows when the frost will come and which plots flood in February and where the old well was before they filled it in. I can't quite imagine Fernside Road without him.</p>
<p>The plot will go to the next person on the waiting list, a young family from the flats on the corner, and he's already planning to show them round. He's giving away most of his tools, and I've been entrusted with the brazier, which feels like being handed the keys to something. And the 'Dennis's Yellow' seed, of course, which I've promised to keep going. That's the thing about saving seed: in the end it's really a way of keeping people.</p>
<blockquote><p>Don't let them put a polytunnel on it. And keep the rhubarb.</p></blockquote>
<p>That was the only instruction. I'll do my best.</p>`,
    comments: [
      {
        ...JO,
        body: `Oh, this made me cry a little at my desk. He sounds like every good allotment neighbour rolled into one.`,
        hoursAfter: 4,
      },
      {
        ...MIRA,
        body: `Forty-one years. Please tell him a stranger a hundred miles away has been following his frost predictions and his marmalade advice for years, and is grateful.`,
        hoursAfter: 7,
        replies: [
          {
            name: RUTH,
            byAuthor: true,
            body: `I read him this. He said "well" and then went quiet and then said "well" again. I think he was pleased.`,
            hoursAfter: 26,
          },
        ],
      },
      {
        ...TOM,
        body: `I'll help clear his shed. I suspect there's a lot of string in there.`,
        hoursAfter: 10,
      },
      {
        ...DENNIS,
        body: `Didn't say you could put me on the internet. Still. Nice of you.\n\nBrazier needs a new grate by the way. Tom'll know.`,
        hoursAfter: 30,
      },
    ],
  },
  {
    title: 'Frosty Sunday: what\'s still out there',
    daysAgo: 0.3,
    labels: ['Weather', 'Garden'],
    body: `<p>A hard frost overnight, the first proper one of this winter, and a sky so clear and blue this morning that I went straight up to the plot with a flask before anyone else was about. The whole site crunched underfoot. The water trough had a lid of ice I could have stood on.</p>
<p>What's still out there and doing fine: leeks, about thirty of them, standing to attention; parsnips, which I'll start digging next week now they've had a frost on them; two rows of kale, nets frozen stiff; the broad beans I sowed a few weeks ago, just up and looking cross about it; and the garlic, not showing yet, but I know it's there.</p>
<p>The rest of the plot is mulched, covered or resting. There isn't much to do now except small jobs and planning, which is exactly how it should be. I stood for a while by Dennis's brazier, unlit, and then went home to make soup.</p>`,
    comments: [
      {
        ...PRIYA,
        body: `Same here, my water butt has frozen solid. Enjoy the soup!`,
        hoursAfter: 3,
      },
    ],
  },
];

export type DemoPage = { title: string; slug: string; body: string };

/** Static pages, served at /p/SLUG.html and listed in the Pages gadget. */
export const demoPages: DemoPage[] = [
  {
    title: 'About Plot 17',
    slug: 'about',
    body: `<p>Plot 17 is half of a full-size allotment on the Fernside Road site: ten rods of heavy clay, a shed that leans a little further east every winter, two compost bays and a rhubarb crown older than I am. I took it on in 2014 with no idea what I was doing, and I have been writing about it here ever since.</p>
<p>This blog is mostly a notebook. I write down what I sowed and when, what the weather did, which tools broke and how I mended them, and what ended up in the pan. If any of it is useful to you, I am glad. If you garden nearby and want to swap seeds, the comments are open.</p>
<h2>Who else turns up here</h2>
<ul>
<li><strong>Dennis</strong> on plot 4, who has been growing the same yellow tomato for sixty years.</li>
<li><strong>Priya</strong>, who runs the seed swap and knows everything about chillies.</li>
<li>The site robin, who supervises all digging.</li>
</ul>`,
  },
  {
    title: 'Contact',
    slug: 'contact',
    body: `<p>The easiest way to reach me is to leave a comment on any post; I read every one, usually with a cup of tea and muddy boots.</p>
<p>For seed swaps, spare plants or allotment society business, you will find me at the Fernside Road gate most Saturday mornings from March to October. Look for the green shed with the wonky door.</p>`,
  },
];
